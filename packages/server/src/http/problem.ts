import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, type FieldError, statusFor } from '../errors';

/** RFC 9457 problem details, as every failed API request answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  requestId: string;
}

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
): FastifyReply {
  const problem: Problem = {
    type: `https://nordbok.no/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors?.length ? { errors } : {}),
    requestId: String(request.id),
  };
  return reply.status(status).type('application/problem+json').send(problem);
}

/** Turns whatever was thrown into a problem response; only the unexpected is logged. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    return sendProblem(
      reply,
      request,
      statusFor(error.code),
      error.code,
      error.message,
      error.fields,
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.flatMap((i) => fieldErrors(i, error.validationContext));
    const detail = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return sendProblem(reply, request, 400, 'validation', detail, fields);
  }
  if (error instanceof ZodError) {
    const fields = error.issues.map((i) => ({
      field: i.path.join('.') || 'body',
      message: i.message,
      code: i.code,
    }));
    return sendProblem(reply, request, 400, 'validation', fields[0]?.message ?? '', fields);
  }
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status < 500) {
    return sendProblem(
      reply,
      request,
      status,
      fastifyCode(fastifyError),
      clientMessage(fastifyError),
    );
  }
  request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, request, 500, 'internal', 'Something went wrong on the server.');
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
  keyword: string;
}

function fieldErrors(issue: ValidationIssue, context: string | undefined): FieldError[] {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const unknownKeys = issue.keyword === 'unrecognized_keys' ? issue.params.keys : undefined;
  if (Array.isArray(unknownKeys)) {
    return unknownKeys.map((key) => ({
      field: [path, String(key)].filter(Boolean).join('.'),
      message: 'Unknown field.',
      code: 'unknown-field',
    }));
  }
  const field = path || context || 'body';
  return [{ field, message: issue.message ?? 'Invalid value.', code: issue.keyword }];
}

function fastifyCode(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return 'malformed-json';
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'too-large';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported-media-type';
  return 'bad-request';
}

function clientMessage(error: FastifyError): string {
  switch (fastifyCode(error)) {
    case 'malformed-json':
      return 'The request body is not valid JSON.';
    case 'too-large':
      return 'The request body is too large.';
    case 'unsupported-media-type':
      return 'Send the request body as application/json.';
    default:
      return error.message;
  }
}
