import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import { escapeHtml as e } from '../../bot/webPage/htmlEscape.js';
import { StaticAsset } from '../../bot/webPage/staticAsset.js';
import { committeeCsv } from '../committeeCsv.js';
import {
  addNote,
  askComplement,
  assign,
  changeStatus,
  type ActionOutcome,
  type ActionRequest,
} from './backOfficeActions.js';
import { fileMain } from './backOfficeFilePage.js';
import {
  BACK_OFFICE_ROOT,
  formOf,
  languageOf,
  link,
  queryOf,
  redirect,
  referenceParam,
  sendPage,
} from './backOfficeHttp.js';
import { layout } from './backOfficeLayout.js';
import { listPage, matchingRows } from './backOfficeListModel.js';
import { listMain } from './backOfficeListPage.js';
import { ListSource } from './backOfficeListSource.js';
import { registerBackOfficeDownloads, type Context, type PageOf } from './backOfficeDownloads.js';
import type { BackOfficeParts } from './backOfficeParts.js';
import { parseListQuery } from './backOfficeQuery.js';
import { BackOfficeSessions } from './backOfficeSessions.js';
import { problemPage, registerBackOfficeSignin } from './backOfficeSignin.js';

const CSS = 'text/css; charset=utf-8';
const ASSETS: Readonly<Record<string, string>> = {
  'backOffice.css': CSS,
  'backOffice.js': 'text/javascript; charset=utf-8',
  'statistics.css': CSS,
};

/** committee/backOffice/assets in the source tree, three levels above the compiled file. */
const ASSETS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../committee/backOffice/assets',
);

const NOTICES = new Set(['noteAdded', 'assigned', 'unassigned', 'statusChanged', 'complementAsked']);
const PROBLEMS = new Set([
  'noteEmpty',
  'noteTooLong',
  'tooManyNotes',
  'nameTooLong',
  'unknownStatus',
  'commentTooLong',
  'complementEmpty',
  'illegalTransition',
  'changedMeanwhile',
  'busy',
]);

/**
 * The committee's back office under `/committee`: server-rendered pages (a list with filters, a file with
 * its notes and actions), signed in with Entra ID or COMMITTEE_TOKEN. Every POST carries the session's CSRF
 * token. Returns whether it is on (a token or the Entra sign-in is configured).
 */
/** What the app may do with a back office that is on. */
export interface BackOffice {
  /**
   * Reads the list of files once, in the background, so that the first list page after a start is as quick as
   * the others (5 000 files take seconds to read); called once the bot's own warm-up is done. Only on a queue
   * with a `listVersion` (lowdb): on Azure the rows are kept two seconds, a read ahead would be wasted.
   */
  prime(): Promise<void>;
}

export function registerBackOffice(server: Server, parts: BackOfficeParts): BackOffice | undefined {
  if (!parts.committeeToken && !parts.signin) {
    parts.logger.info(
      { event: 'back_office_off' },
      'committee back office off (no COMMITTEE_TOKEN, no sign-in)',
    );
    return undefined;
  }
  const clock = parts.clock ?? (() => new Date());
  const sessions = new BackOfficeSessions({
    ...(parts.signin ? { signin: parts.signin } : {}),
    committee: parts.committeeRoles,
    advisors: parts.advisors,
    sessionMs: (parts.sessionHours ?? 8) * 3600_000,
    clock,
  });
  const list = new ListSource(parts.queue, parts.listCacheMs ?? 2000);
  const conformity = parts.settings.legal?.accessibility.conformity;
  const page: PageOf = (text, user, title, main, other, stylesheets) =>
    layout({
      text,
      user,
      title,
      main,
      statistics: parts.statistics !== undefined,
      otherLanguage: other,
      ...(stylesheets ? { stylesheets } : {}),
      ...(conformity ? { conformity } : {}),
    });

  /** Runs a page for a signed-in user with a role; anyone else goes to the sign-in page (or is told why not). */
  const signedIn =
    (route: string, handler: (context: Context) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      const started = performance.now();
      const form = req.method === 'POST' ? formOf(req) : undefined;
      const text = languageOf(req, parts.localizer, form);
      try {
        const user = sessions.userOf(req);
        if (!user) {
          if (req.method === 'GET') redirect(res, link(`${BACK_OFFICE_ROOT}/signin`, text));
          else sendPage(res, 401, problemPage(parts, text, 'signedOut'));
        } else if ('noRole' in user) {
          sendPage(res, 403, problemPage(parts, text, 'noRole'));
        } else if (req.method === 'POST' && !BackOfficeSessions.csrfMatches(user, form?.get('csrf'))) {
          parts.logger.warn(
            { event: 'back_office_csrf_refused', route },
            'back office form without its CSRF token',
          );
          sendPage(res, 403, problemPage(parts, text, 'csrf'));
        } else {
          await handler({ req, res, text, user });
        }
      } catch (error) {
        parts.logger.error({ err: error, event: 'back_office_failed', route }, 'back office request failed');
        if (!res.headersSent) sendPage(res, 500, problemPage(parts, text, 'internal'));
      }
      parts.logger.info(
        {
          event: 'back_office',
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'back office',
      );
    };

  registerBackOfficeSignin(server, parts, sessions);

  // The pages' own style sheets and script (the statistics' one linked on that page only).
  for (const [name, type] of Object.entries(ASSETS)) {
    const asset = new StaticAsset(path.join(ASSETS_DIR, name), type, 'no-cache');
    server.get(`${BACK_OFFICE_ROOT}/assets/${name}`, async (req: Request, res: Response) =>
      asset.send(req, res),
    );
  }

  server.get(
    BACK_OFFICE_ROOT,
    signedIn('list', async ({ req, res, text, user }) => {
      const query = parseListQuery(queryOf(req));
      if (!query.ok) {
        sendPage(res, 400, problemPage(parts, text, 'badQuery', { parameter: query.problem.parameter }));
        return;
      }
      const shown = listPage(await list.rows(), query.value);
      const main = listMain({ text, query: query.value, page: shown, dossier: parts.pdf !== undefined });
      sendPage(
        res,
        200,
        page(text, user, text.t('backOffice:list.title'), main, {
          path: BACK_OFFICE_ROOT,
          params: queryOf(req),
        }),
      );
    }),
  );

  server.get(
    `${BACK_OFFICE_ROOT}/export.csv`,
    signedIn('export', async ({ req, res, text }) => {
      const query = parseListQuery(queryOf(req));
      if (!query.ok) {
        sendPage(res, 400, problemPage(parts, text, 'badQuery', { parameter: query.problem.parameter }));
        return;
      }
      // Every matching file, not one page, in reference order.
      const rows = matchingRows(await list.rows(), { ...query.value, sort: 'reference', dir: 'asc' });
      const csv = committeeCsv(
        rows.map((row) => row.app),
        text,
      );
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="alize-dossiers.csv"',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(csv);
    }),
  );

  const fileRoute = `${BACK_OFFICE_ROOT}/files/:reference`;
  server.get(
    fileRoute,
    signedIn('file', async ({ req, res, text, user }) => {
      const reference = referenceParam(req);
      const app = reference ? await parts.queue.get(reference) : undefined;
      if (!app) {
        sendPage(res, 404, problemPage(parts, text, 'unknownFile'));
        return;
      }
      const query = queryOf(req);
      const done = query.get('done') ?? '';
      const problem = query.get('problem') ?? '';
      const notice = NOTICES.has(done)
        ? { kind: 'done' as const, key: done }
        : PROBLEMS.has(problem)
          ? { kind: 'problem' as const, key: problem }
          : undefined;
      const rows = await list.lastRows();
      const main = fileMain({
        text,
        user,
        app,
        documents: parts.documents ? await parts.documents.list(app.reference) : [],
        requiredPieces: parts.settings.documents,
        pdf: parts.pdf !== undefined,
        ...(notice ? { notice } : {}),
        assignees: [...new Set(rows.map((row) => row.assigned).filter((name) => name !== ''))],
      });
      const company = typeof app.data['company.name'] === 'string' ? app.data['company.name'] : '';
      const title = text.t('backOffice:file.title', { reference: app.reference, company });
      sendPage(
        res,
        200,
        page(text, user, title, main, { path: `${BACK_OFFICE_ROOT}/files/${app.reference}` }),
      );
    }),
  );

  const actions: [string, (request: ActionRequest) => Promise<ActionOutcome>][] = [
    ['notes', addNote],
    ['status', changeStatus],
    ['complement', askComplement],
    ['assign', assign],
  ];
  for (const [tail, action] of actions) {
    server.post(
      `${fileRoute}/${tail}`,
      signedIn(tail, async ({ req, res, text, user }) => {
        const reference = referenceParam(req);
        const form = formOf(req) ?? new URLSearchParams();
        const outcome = reference
          ? await action({ parts, user, reference, form, text, now: clock() })
          : ({ refused: 404, key: 'unknownFile' } as const);
        if ('refused' in outcome) {
          sendPage(res, outcome.refused, problemPage(parts, text, outcome.key));
          return;
        }
        list.invalidate();
        const params = new URLSearchParams(
          'done' in outcome ? { done: outcome.done } : { problem: outcome.problem },
        );
        redirect(res, `${link(`${BACK_OFFICE_ROOT}/files/${reference}`, text, params)}#main`);
      }),
    );
  }

  registerBackOfficeDownloads(server, parts, signedIn, page);

  parts.logger.info({ event: 'back_office_on' }, `committee back office on at ${e(BACK_OFFICE_ROOT)}`);
  return {
    prime: async () => {
      // Only a queue that tells when it changed keeps its rows until then; others keep them seconds only.
      if (!parts.queue.listVersion) return;
      try {
        await list.rows();
      } catch (error) {
        // Only a head start: the first page reads the list again and says what went wrong.
        parts.logger.warn(
          { event: 'back_office_prime_failed', err: error },
          'back office list not read ahead',
        );
      }
    },
  };
}
