import { cardLines } from '../../bot/cardText.js';

describe('a card as the terminal client prints it', () => {
  test('headings, facts with their values, nested containers and columns, in order', () => {
    const lines = cardLines(
      {
        body: [
          { type: 'TextBlock', text: 'Title' },
          { type: 'FactSet', facts: [{ title: 'Amount', value: '50,000' }] },
          {
            type: 'Container',
            items: [
              {
                type: 'RichTextBlock',
                inlines: [
                  { type: 'TextRun', text: 'Town' },
                  { type: 'TextRun', text: ': Alès' },
                ],
              },
            ],
          },
          {
            type: 'ColumnSet',
            columns: [
              { type: 'Column', items: [{ type: 'TextBlock', text: 'left' }] },
              { type: 'Column', items: [{ type: 'TextBlock', text: 'right' }] },
            ],
          },
          { type: 'Image', url: 'https://example.org/x.png' },
        ],
      },
      ': ',
    );
    expect(lines).toEqual(['Title', 'Amount: 50,000', 'Town: Alès', 'left', 'right']);
  });

  test('a hero card gives its title and text', () => {
    expect(cardLines({ title: 'Menu', text: 'Pick one' }, ': ')).toEqual(['Menu', 'Pick one']);
  });
});
