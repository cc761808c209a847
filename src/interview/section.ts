/** A group of questions asked together: the profile, or one dimension. */
export interface Section {
  id: string;
  title: string;
  /** Shown when the interview enters the section. */
  intro: readonly string[];
}
