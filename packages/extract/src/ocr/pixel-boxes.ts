/** Boxes measured in points turned into image pixels, for documents read from image files. */
import type { Box, ExtractedDocument } from '../model.ts';

function scaled(box: Box, k: number): Box {
  const r = (v: number) => Math.round(v * k * 10) / 10;
  return { x0: r(box.x0), top: r(box.top), x1: r(box.x1), bottom: r(box.bottom) };
}

/** The document with every table and cell box multiplied by its page's factor (`factors[page − 1]`). */
export function scaleDocumentBoxes(doc: ExtractedDocument, factors: readonly number[]): ExtractedDocument {
  const at = (page: number | undefined) => factors[(page ?? 1) - 1] ?? 1;
  return {
    ...doc,
    tables: doc.tables.map((t) => ({
      ...t,
      ...(t.box ? { box: scaled(t.box, at(t.pages[0])) } : {}),
      cells: t.cells.map((c) =>
        c.provenance.box
          ? { ...c, provenance: { ...c.provenance, box: scaled(c.provenance.box, at(c.provenance.page)) } }
          : c,
      ),
    })),
  };
}
