import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newApplicationFile } from '../storage/applicationFile.js';
import type { ApplicationQueue, NewApplication } from '../storage/index.js';

const COMPANIES = [
  ['Méca-Cévennes', 'SAS', 'Alès', '30100'],
  ['Boulangerie du Gardon', 'SARL', 'Anduze', '30140'],
  ['Atelier Bois Cévenol', 'EURL', 'Saint-Jean-du-Gard', '30270'],
  ['Transports Gardonnenques', 'SAS', 'La Grand-Combe', '30110'],
  ['Cévennes Numérique', 'SASU', 'Saint-Christol-lès-Alès', '30380'],
  ['Fromagerie des Causses', 'SCOP', 'Lédignan', '30350'],
  ['Menuiserie Salindres', 'SARL', 'Salindres', '30340'],
  ['Laboratoire Vézénobres', 'SAS', 'Vézénobres', '30360'],
] as const;
const VOLETS = [['financial'], ['financial', 'advice'], ['advice', 'mentoring'], ['financial', 'mentoring']];

/** A plausible file of the programme, the `index`-th of a series (values vary, all are made up). */
export function sampleFile(index: number, overrides: Partial<NewApplication> = {}): NewApplication {
  const [name, legalForm, commune, postalCode] = COMPANIES[index % COMPANIES.length];
  const aidTypes = VOLETS[index % VOLETS.length];
  const day = 1 + (index % 27);
  return {
    channel: 'webchat',
    origin: 'applicant',
    userId: `sample-user-${index}`,
    eligibility: {
      verdict: index % 9 === 4 ? 'REVIEW' : 'OK',
      reasons: index % 9 === 4 ? ['eligibility:reason.territory.department'] : [],
    },
    data: {
      'company.name': index < COMPANIES.length ? name : `${name} ${index}`,
      'company.siret': String(73282932000074 + index * 1009).padStart(14, '0'),
      'company.legalForm': legalForm,
      'company.commune': commune,
      'company.postalCode': postalCode,
      'company.headcount': 5 + (index % 40),
      'company.turnover': 400000 + (index % 50) * 25000,
      'project.type': index % 3 === 0 ? 'takeover' : 'development',
      'project.description': 'Achat d’une machine et embauche de deux techniciens.',
      'project.aidTypes': aidTypes,
      'project.investment': 120000 + (index % 20) * 5000,
      ...(aidTypes.includes('financial') ? { 'project.amountRequested': 20000 + (index % 12) * 5000 } : {}),
      'project.jobsCreated': 1 + (index % 6),
      'contact.firstName': 'Camille',
      'contact.lastName': `Martin-${index}`,
      'contact.email': `contact${index}@example.fr`,
      'contact.phone': '0466000000',
    },
    conversationReference: { conversation: { id: `sample-conversation-${index}` } },
    now: new Date(Date.UTC(2026, 9 + (Math.floor(index / 27) % 2), day, 9, index % 60)),
    ...overrides,
  };
}

/** Submits `count` sample files (ALZ-2026-0001…), a few at a time. */
export async function submitSamples(queue: ApplicationQueue, count: number, from = 0): Promise<void> {
  for (let start = from; start < from + count; start += 20) {
    const batch = Array.from({ length: Math.min(20, from + count - start) }, (_, i) => start + i);
    for (const index of batch) await queue.submit(sampleFile(index), `sample-${index}`);
  }
}

/**
 * Writes `count` sample files straight into a lowdb queue's folder (`<dataDir>/applications/`), as the queue
 * would store them, without its lock and sequence: thousands in seconds, for the bench. Not for a live queue.
 */
export async function writeLowdbSamples(dataDir: string, count: number): Promise<void> {
  const folder = path.join(dataDir, 'applications');
  await mkdir(folder, { recursive: true });
  for (let index = 0; index < count; index++) {
    const input = sampleFile(index);
    const reference = `ALZ-2026-${String(index + 1).padStart(4, '0')}`;
    const file = newApplicationFile(reference, input, input.now ?? new Date());
    await writeFile(path.join(folder, `${reference}.json`), JSON.stringify(file));
  }
}
