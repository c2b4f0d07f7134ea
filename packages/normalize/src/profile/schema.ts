/**
 * A profile: everything normalize knows about one family of reports, as data validated by zod, so that a
 * user can add a family (another province's template, a budget twin) without touching code.
 */
import { z } from 'zod';
import { TableKindSchema } from '../model.ts';
import { IdentitySchema } from './identities.ts';

/** What a column's values are: money (→ 元), a ratio (percent → fraction), a score (分), a count, or text. */
export const ValueTypeSchema = z.enum(['money', 'ratio', 'score', 'count', 'text']);
export type ValueType = z.infer<typeof ValueTypeSchema>;

/**
 * A canonical column and its printed variants. A label is one or more patterns joined by `&`; each pattern
 * must occur (as a substring, compared by matchKey) in a different level of the printed header path, in any
 * order: `预算数&公务用车购置&小计`. The most specific match (most characters matched) wins.
 */
export const ColumnSpecSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  labels: z.array(z.string().min(1)).min(1),
  type: ValueTypeSchema.default('money'),
  side: z.enum(['income', 'expenditure']).optional(),
});
export type ColumnSpec = z.infer<typeof ColumnSpecSchema>;

export const TableSpecSchema = z.object({
  kind: TableKindSchema,
  /** Title aliases, matched as substrings of the cleaned title; the longest alias over all kinds wins. */
  titles: z.array(z.string().min(1)),
  /** Titles that contain an alias but are another table (项目收入支出决算表 is not 支出决算表). */
  exclude: z.array(z.string()).default([]),
  /** Header keywords that all must occur to recognise an untitled table as this kind (empty: never). */
  header: z.array(z.string()).default([]),
  /** How rows are keyed: a functional or economic code, or by name. */
  rowKey: z.enum(['exp_func', 'dep_bgt_eco', 'name']),
  /** Two-sided (收入 | 支出) summary tables: columns carry their side. */
  twoSided: z.boolean().default(false),
  /** Map the 类 names of a two-sided table's expenditure side to codes. */
  leiByName: z.boolean().default(false),
  columns: z.array(ColumnSpecSchema),
  /** Rows that count things rather than money (车辆数 → 辆): first substring match of the row name wins. */
  rowUnits: z.array(z.object({ match: z.string().min(1), unit: z.string().min(1) })).default([]),
  /**
   * Row groups printed as a header over blocks (人员经费 | 公用经费) that an extractor may flatten: when every
   * group label is printed in the table's header and rows carry no group, a row's group is the first entry
   * listing its code's 类 (an entry with no classes takes the rest).
   */
  rowGroups: z.array(z.object({ path: z.string().min(1), classes: z.array(z.string()) })).default([]),
});
export type TableSpec = z.infer<typeof TableSpecSchema>;

/** Label sets for the performance (绩效自评) forms. */
export const PerformanceSpecSchema = z.object({
  /** Row labels that carry the project name. */
  projectLabels: z.array(z.string()),
  /** Header-field labels → canonical row_name (主管部门及代码 → 主管部门). */
  fields: z.record(z.string(), z.array(z.string())),
  /** Funds block columns (年初预算数 …) with their value types. */
  fundsColumns: z.array(ColumnSpecSchema),
  /** Funds block row labels → canonical row_name. */
  fundsRows: z.record(z.string(), z.array(z.string())),
  goalLabels: z.array(z.string()),
  goalPlanned: z.array(z.string()),
  goalActual: z.array(z.string()),
  /** Indicator grid columns (一级指标 … 偏差原因分析). */
  indicatorColumns: z.array(ColumnSpecSchema),
  totalLabels: z.array(z.string()),
  /** Template placeholders that are not indicators. */
  placeholders: z.array(z.string()),
});
export type PerformanceSpec = z.infer<typeof PerformanceSpecSchema>;

export const ProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 决算 or 预算: the report_type of facts. */
  reportType: z.string(),
  /** Words whose frequency in table titles and the opening text picks this profile. */
  detect: z.array(z.string()).min(1),
  tables: z.array(TableSpecSchema),
  performance: PerformanceSpecSchema,
  identities: z.array(IdentitySchema),
});
export type Profile = z.infer<typeof ProfileSchema>;
export type ProfileInput = z.input<typeof ProfileSchema>;
