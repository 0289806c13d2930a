/** A label of ours and a value that may have been typed by an applicant. */
export interface PlainFact {
  title: string;
  value: string;
}

/**
 * Facts as RichTextBlocks of TextRuns instead of a FactSet: a TextRun is never read as Markdown (Adaptive
 * Cards 1.2+, Web Chat and Teams alike), so `[site](https://…)`, `**`, `<b>` or a bare URL typed by an
 * applicant is shown as typed, never as a link or an element. One block per fact: "Label : value".
 */
export function plainFacts(facts: readonly PlainFact[], separator: string): Record<string, unknown>[] {
  return facts.map((fact) => ({
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: fact.title, weight: 'Bolder' },
      { type: 'TextRun', text: `${separator}${fact.value}` },
    ],
  }));
}
