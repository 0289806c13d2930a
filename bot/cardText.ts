/**
 * What the terminal client prints for a card: its text, line by line. Adaptive Card elements are walked in
 * order (TextBlock, RichTextBlock, FactSet, Container, ColumnSet, Column); a hero card gives its title and text.
 * Buttons are not lines: the client numbers them as choices.
 */
export interface CardContent {
  title?: string;
  subtitle?: string;
  text?: string;
  body?: unknown[];
}

type Element = Record<string, unknown>;

const isElement = (value: unknown): value is Element => typeof value === 'object' && value !== null;
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

function elementLines(element: Element, separator: string): string[] {
  switch (element.type) {
    case 'TextBlock':
      return textOf(element.text) ? [textOf(element.text)] : [];
    case 'RichTextBlock': {
      const inlines = Array.isArray(element.inlines) ? element.inlines : [];
      const line = inlines
        .map((inline) => (isElement(inline) ? textOf(inline.text) : textOf(inline)))
        .join('');
      return line ? [line] : [];
    }
    case 'FactSet': {
      const facts = Array.isArray(element.facts) ? element.facts.filter(isElement) : [];
      return facts.map((fact) => `${textOf(fact.title)}${separator}${textOf(fact.value)}`);
    }
    case 'Container':
    case 'Column':
      return childLines(element.items, separator);
    case 'ColumnSet':
      return (Array.isArray(element.columns) ? element.columns : []).flatMap((column) =>
        isElement(column) ? childLines(column.items, separator) : [],
      );
    default:
      return [];
  }
}

function childLines(items: unknown, separator: string): string[] {
  return (Array.isArray(items) ? items : []).flatMap((item) =>
    isElement(item) ? elementLines(item, separator) : [],
  );
}

/** The card's lines; `separator` goes between a fact's label and its value (« Montant : 50 000 € »). */
export function cardLines(content: CardContent, separator: string): string[] {
  const lines = [content.title, content.subtitle, content.text].filter((line): line is string => !!line);
  return [...lines, ...childLines(content.body, separator)];
}
