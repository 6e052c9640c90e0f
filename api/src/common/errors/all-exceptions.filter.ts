import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { log } from '../http/logger';
import { toErrorBody } from './error-body';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = toErrorBody(exception, String(request.id));
    if (body.statusCode >= 500) {
      log('error', 'request.failed', {
        requestId: request.id,
        code: body.code,
        error: exception instanceof Error ? exception.name : typeof exception,
        // the stack stays in the log (ids and code only); it never reaches the client
        stack: exception instanceof Error ? exception.stack?.split('\n').slice(0, 6).join(' | ') : undefined,
      });
    }
    void reply.status(body.statusCode).send(body);
  }
}
