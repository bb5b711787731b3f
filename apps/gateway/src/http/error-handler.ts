import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '@cashier/logger';
import { isGrpcError, problemFromGrpc } from './grpc-problem';
import { Problem, sendProblem } from './problem';

interface BodyParserError {
  type?: string;
  status?: number;
}

function problemOf(error: unknown): Problem | undefined {
  if (error instanceof Problem) return error;
  if (isGrpcError(error)) return problemFromGrpc(error);
  const bodyError = error as BodyParserError;
  switch (bodyError?.type) {
    case 'entity.too.large':
      return new Problem(413, 'BODY_TOO_LARGE', 'the request body is larger than allowed');
    case 'entity.parse.failed':
      return new Problem(400, 'MALFORMED_JSON', 'the request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new Problem(415, 'UNSUPPORTED_ENCODING', 'the request body must be UTF-8 JSON');
    default:
      return undefined;
  }
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem = problemOf(error);
    const log = logger.child({ requestId: res.locals.requestId, method: req.method, path: req.path });
    if (problem && problem.status < 500) {
      log.info({ status: problem.status, code: problem.code }, 'request refused');
    } else {
      log.error({ err: error, status: problem?.status ?? 500 }, 'request failed');
    }
    sendProblem(res, problem ?? new Problem(500, 'INTERNAL', 'internal error'));
  };
}

export const notFound: RequestHandler = (req, _res, next) => {
  next(new Problem(404, 'ROUTE_NOT_FOUND', `no route for ${req.method} ${req.path}`));
};

const ALLOWED_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export const methodGuard: RequestHandler = (req, _res, next) => {
  if (!ALLOWED_METHODS.has(req.method)) {
    next(new Problem(405, 'METHOD_NOT_ALLOWED', `method ${req.method} is not allowed`, [], { Allow: [...ALLOWED_METHODS].join(', ') }));
    return;
  }
  next();
};

/** A body-carrying request must be JSON; anything else is refused before parsing. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = req.method === 'POST' || req.method === 'PUT' || req.method === 'PATCH';
  if (hasBody && req.headers['content-length'] !== '0' && !req.is('application/json')) {
    next(new Problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'));
    return;
  }
  next();
};
