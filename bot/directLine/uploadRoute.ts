import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import { postedActivityProblem } from './activityStamps.js';
import { authorized } from './directLineRoutes.js';
import { sendJson } from './http.js';
import type { LocalDirectLine } from './localDirectLine.js';
import { readMultipartUpload, UploadProblem, type UploadLimits } from './multipartUpload.js';

/**
 * Direct Line 3.0's `POST /v3/directline/conversations/:id/upload`, as Web Chat calls it for a message with files.
 * The token is checked before a byte of the body is read. Files over the size limit reach the bot without their
 * bytes, so it can say why in the chat; a malformed or interrupted body is a 4xx and leaves nothing behind.
 */
export function registerUploadRoute(
  server: Server,
  directLine: LocalDirectLine,
  limits: UploadLimits,
  logger: Logger,
): void {
  server.post('/v3/directline/conversations/:conversationId/upload', async (req: Request, res: Response) => {
    const conversation = authorized(req, res, directLine);
    if (!conversation) return;
    let upload;
    try {
      upload = await readMultipartUpload(req, limits);
    } catch (error) {
      const problem =
        error instanceof UploadProblem ? error : new UploadProblem(400, 'BadArgument', 'unreadable upload');
      logger.warn(
        { event: 'directline_upload_refused', status: problem.status, code: problem.code },
        'upload',
      );
      // The rest of a refused body is not read: the connection closes once the answer is sent.
      res.header('connection', 'close');
      res.once('finish', () => req.destroy());
      if (!res.headersSent) {
        sendJson(res, problem.status, { error: { code: problem.code, message: problem.message } });
      }
      return;
    }
    // The files are the parts; the activity's own list of attachments only repeats their names.
    const withoutAttachments: Record<string, unknown> =
      typeof upload.activity === 'object' && upload.activity !== null ? { ...upload.activity } : {};
    delete withoutAttachments.attachments;
    const problem = postedActivityProblem(withoutAttachments);
    if (problem || upload.files.length === 0) {
      sendJson(res, 400, { error: { code: 'BadArgument', message: problem ?? 'at least one file part' } });
      return;
    }
    try {
      const id = await directLine.postWithUploads(conversation, withoutAttachments, upload.files);
      if (id === null) {
        sendJson(res, 503, {
          error: { code: 'ServiceUnavailable', message: 'too many uploads held; retry' },
        });
        return;
      }
      sendJson(res, 200, { id });
    } catch (error) {
      logger.error(
        { err: error, event: 'directline_upload_failed', conversationId: conversation.id },
        'upload',
      );
      sendJson(res, 502, { error: { code: 'BotError', message: 'The bot could not process the activity' } });
    }
  });
}
