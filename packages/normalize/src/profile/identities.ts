/**
 * Accounting identities as data. A profile lists them per table kind; validation (src/validate/) evaluates them
 * against NormalizedTable rows: rows are matched by RowRef, values read from `row.values[column].value`.
 */
import { z } from 'zod';
import { TableKindSchema } from '../model.ts';

const SideSchema = z.enum(['income', 'expenditure']);

/** Which rows a reference selects: by code, by canonical name (any of), by 行次, or every 类-level row. */
export const RowRefSchema = z.object({
  side: SideSchema.optional(),
  code: z.string().optional(),
  names: z.array(z.string()).optional(),
  line: z.string().optional(),
  /** Every row whose code is at this level (`类` selects the 26 类 of a summary side). */
  level: z.enum(['类', '款', '项']).optional(),
  /** Rows with this row_path (06表 groups). */
  path: z.string().optional(),
});
export type RowRef = z.infer<typeof RowRefSchema>;

/** One cell (or the sum of the cells a RowRef selects) in a table of a kind. */
export const CellRefSchema = z.object({
  kind: TableKindSchema,
  row: RowRefSchema,
  column: z.string(),
});
export type CellRef = z.infer<typeof CellRefSchema>;

export const IdentitySchema = z.discriminatedUnion('type', [
  /** In every row of the kind (optionally one side): total column = Σ part columns. */
  z.object({
    type: z.literal('row_sum'),
    id: z.string(),
    description: z.string(),
    kind: TableKindSchema,
    side: SideSchema.optional(),
    total: z.string(),
    parts: z.array(z.string()).min(1),
  }),
  /** In one column: the total row = Σ part rows (each RowRef may select several rows). */
  z.object({
    type: z.literal('column_sum'),
    id: z.string(),
    description: z.string(),
    kind: TableKindSchema,
    column: z.string(),
    total: RowRefSchema,
    parts: z.array(RowRefSchema).min(1),
  }),
  /** For every code row: parent = Σ children (类 = Σ款, 款 = Σ项) in each listed column, when children are printed. */
  z.object({
    type: z.literal('hierarchy'),
    id: z.string(),
    description: z.string(),
    kind: TableKindSchema,
    columns: z.array(z.string()).min(1),
  }),
  /** Across tables of one document: left = Σ right. */
  z.object({
    type: z.literal('cross_table'),
    id: z.string(),
    description: z.string(),
    left: CellRefSchema,
    right: z.array(CellRefSchema).min(1),
  }),
]);
export type Identity = z.infer<typeof IdentitySchema>;
