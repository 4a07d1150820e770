/**
 * A reason a value is refused, naming the bad field (the `details` entries of an error body),
 * with the figures its words need (`balanceCents`, `lineIndex`…): the message is the
 * developer's, people read the catalogue's words filled with the figures.
 */
export type Problem<C extends string = string> = {
  field: string;
  code: C;
  message: string;
} & Record<string, string | number | boolean | null>;
