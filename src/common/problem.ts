/** A reason a value is refused, naming the bad field (the `details` entries of an error body). */
export interface Problem {
  field: string;
  code: string;
  message: string;
}
