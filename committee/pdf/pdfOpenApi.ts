import { COMMON_ERRORS, errors, header, INTERNAL, parameter, response } from '../committeeOpenApiRefs.js';
import { DOSSIER_PATH } from './pdfApi.js';

/** The PDF routes of the committee API, as its OpenAPI document describes them. */
export const PDF_PATHS = {
  '/api/applications/{reference}/pdf': {
    parameters: [parameter('Reference')],
    get: {
      operationId: 'getApplicationPdf',
      summary: 'The file as a PDF, as `committee pdf REF`, always as an attachment',
      description:
        'Header (reference, status, submission date), the verdict and its reasons, every answer with the ' +
        'committee’s labels, the documents received and missing, the points to check and the history; in ' +
        'French (English with Accept-Language: en). Made from the file as it is now; nothing is stored.',
      parameters: [parameter('AcceptLanguage')],
      responses: {
        '200': {
          description: 'The PDF, named after the reference (`ALZ-2026-0007.pdf`).',
          headers: { 'Content-Disposition': header('PdfContentDisposition') },
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        '404': response('UnknownReference'),
        ...COMMON_ERRORS,
        ...INTERNAL,
      },
    },
  },
  [DOSSIER_PATH]: {
    get: {
      operationId: 'getSessionDossier',
      summary: 'The dossier de séance of a committee meeting, as `committee dossier`',
      description:
        'A cover, the summary table (reference, company, commune, volets, advance asked, jobs created + kept, ' +
        'verdict, status), then each file. The files are those awaiting a decision (received, in review, ' +
        'incomplete) submitted before the meeting’s day. Without `date`, the next committee date of the ' +
        'programme settings (today included).',
      parameters: [
        {
          name: 'date',
          in: 'query',
          description: 'The meeting’s day, YYYY-MM-DD; by default the next committee date.',
          schema: { type: 'string', format: 'date' },
        },
        parameter('AcceptLanguage'),
      ],
      responses: {
        '200': {
          description: 'The PDF, named `dossier-de-seance-YYYY-MM-DD.pdf`.',
          headers: { 'Content-Disposition': header('PdfContentDisposition') },
          content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
        },
        '400': errors('A bad query.', 'UnknownParameter', 'RepeatedParameter', 'InvalidParameter'),
        '404': errors('No date asked, and none to come in the settings.', 'NoCommitteeDate'),
        ...COMMON_ERRORS,
        ...INTERNAL,
      },
    },
  },
};
