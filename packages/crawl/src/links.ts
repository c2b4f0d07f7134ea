/** Reading links from listing and report pages: where they point, their text, and a date printed beside them. */
import { load } from 'cheerio';

export interface PageLink {
  url: string;
  text: string;
  /** A publication date printed next to the link (YYYY-MM-DD), when there is one. */
  date?: string;
}

const DATE_RE = /(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
const NEXT_PAGE_RE = /^(下一页|下页|后一页|next|›|»|>)$/i;

/** The first date printed in `text` as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** Every <a href> of a page, resolved against `base`, with its text and the date printed in its list item. */
export function pageLinks(html: string, base: string): PageLink[] {
  const $ = load(html);
  const out: PageLink[] = [];
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    if (/^(javascript:|mailto:|#)/i.test(href)) return;
    let url: string;
    try {
      url = new URL(href, base).href.replace(/#.*$/, '');
    } catch {
      return;
    }
    const text = ($(el).attr('title') ?? $(el).text()).replace(/\s+/g, ' ').trim();
    const container = $(el).closest('li,tr,p,div');
    const date = findDate(container.length ? container.text() : '');
    out.push(date ? { url, text, date } : { url, text });
  });
  return out;
}

/** Links that lead to the next listing page (下一页, next, numbered pages of the same listing). */
export function paginationLinks(links: PageLink[], listingUrl: string): string[] {
  const listing = new URL(listingUrl);
  const dir = listing.pathname.replace(/[^/]*$/, '');
  return links
    .filter((l) => {
      const u = new URL(l.url);
      if (u.host !== listing.host) return false;
      if (NEXT_PAGE_RE.test(l.text)) return true;
      return (
        /^\d{1,3}$/.test(l.text) &&
        u.pathname.startsWith(dir) &&
        /(index|list|page)[_-]?\d*\.s?html?$|[?&]page=\d+/i.test(u.pathname + u.search)
      );
    })
    .map((l) => l.url);
}

/** A date printed on a report page (发布时间：…, 日期：…, or <meta name="PubDate">). */
export function pageDate(html: string): string | undefined {
  const $ = load(html);
  const meta = $('meta[name="PubDate"],meta[name="pubdate"],meta[property="article:published_time"]').attr('content');
  if (meta) return findDate(meta);
  const labelled = /(发布时间|发布日期|日期|时间)\s*[:：]\s*([^\n<]{0,30})/.exec($('body').text());
  return labelled ? findDate(labelled[2]!) : undefined;
}

/** The page's title: <title>, else its first heading. */
export function pageTitle(html: string): string {
  const $ = load(html);
  return ($('h1').first().text() || $('title').text() || '').replace(/\s+/g, ' ').trim();
}
