import type { OpenAPI3, OperationObject, ResponseObject, ResponsesObject } from 'openapi-typescript'
import { components, goalListParameters } from './openapi-components'
import { uploadContentTypes } from './schemas'

const schema = (id: string) => ({ $ref: `#/components/schemas/${id}` })
const response = (id: string) => ({ $ref: `#/components/responses/${id}` })
const json = (id: string, description: string, extra: Partial<ResponseObject> = {}): ResponseObject => ({
  description,
  content: { 'application/json': { schema: schema(id) } },
  ...extra,
})
const body = (id: string) => ({ required: true, content: { 'application/json': { schema: schema(id) } } })
const location = { Location: { description: 'URL of the created resource.', required: true, schema: { type: 'string' } } } as const

/**
 * Errors every operation can produce, plus the ones that come with a JSON body
 * or a bearer token. Every bearer operation can also answer 503 when the
 * account's demo controls say the API is down, except the controls themselves.
 */
function errors(kind: { body?: boolean; bearer?: boolean; demoControls?: 'exempt' }, specific: ResponsesObject = {}): ResponsesObject {
  return {
    ...(kind.body ? { 400: response('ValidationProblem'), 413: response('ContentTooLarge'), 415: response('UnsupportedMediaType') } : {}),
    ...(kind.bearer ? { 401: response('BearerChallenge') } : {}),
    ...specific,
    500: response('ServerError'),
    ...(kind.bearer && kind.demoControls !== 'exempt' ? { 503: response('DemoOutage') } : {}),
  }
}

const anonymous = { security: [] } satisfies Partial<OperationObject>
const goalId = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } } as const
const attachmentId = { name: 'attachmentId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } } as const
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: schema('ProblemDetails') } } })

/**
 * The OpenAPI document served at /openapi/v1.json (and /swagger/v1/swagger.json) and the input for
 * the generated client types. Paths are written out here; every schema comes
 * from schemas.ts. A unit test checks the paths against the MSW handlers.
 */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Goals API (ASP.NET Core mock)',
    version: 'v1',
    description: 'In-site mock of an ASP.NET Core API. Errors are RFC 9457 ProblemDetails; see mocks/README.md.',
  },
  security: [{ Bearer: [] }],
  tags: [
    { name: 'Auth' },
    { name: 'Users' },
    { name: 'Goals' },
    {
      name: 'Attachments',
      description:
        'Workflow E: the BFF asks for an upload grant with the user\'s access token; the browser sends the file straight to the upload URL with the grant\'s single-use token.',
    },
    { name: 'Demo', description: 'Demo only: make your own account slow or failing on purpose, and watch your own session refresh and rotate. See mocks/README.md.' },
    { name: 'Docs' },
  ],
  paths: {
    '/api/auth/login': {
      post: {
        operationId: 'login',
        tags: ['Auth'],
        summary: 'Exchange email and password for an access token and a refresh token.',
        ...anonymous,
        requestBody: body('LoginRequest'),
        responses: {
          200: json('LoginResponse', 'Signed in. A new refresh-token family starts.'),
          ...errors({ body: true }, { 401: response('CredentialsProblem'), 429: response('TooManyRequests') }),
        },
      },
    },
    '/api/auth/register': {
      post: {
        operationId: 'register',
        tags: ['Auth'],
        summary: 'Create a throwaway account, seeded with sample goals.',
        ...anonymous,
        requestBody: body('RegisterRequest'),
        responses: {
          201: json('User', 'Account created.', { headers: location }),
          ...errors({ body: true }, { 409: response('Conflict'), 429: response('TooManyRequests') }),
        },
      },
    },
    '/api/auth/refresh': {
      post: {
        operationId: 'refresh',
        tags: ['Auth'],
        summary: 'Rotate a refresh token. Presenting a used token revokes its whole family.',
        ...anonymous,
        requestBody: body('RefreshRequest'),
        responses: {
          200: json('LoginResponse', 'A new token pair; the old refresh token is spent.'),
          ...errors({ body: true }, { 401: response('CredentialsProblem') }),
        },
      },
    },
    '/api/auth/logout': {
      post: {
        operationId: 'logout',
        tags: ['Auth'],
        summary: "Revoke the refresh token's family. Unknown tokens are accepted too.",
        ...anonymous,
        requestBody: body('LogoutRequest'),
        responses: { 204: { description: 'Signed out.' }, ...errors({ body: true }) },
      },
    },
    '/api/users/me': {
      get: {
        operationId: 'getCurrentUser',
        tags: ['Users'],
        responses: { 200: json('User', 'The signed-in user.'), ...errors({ bearer: true }) },
      },
    },
    '/api/goals': {
      get: {
        operationId: 'listGoals',
        tags: ['Goals'],
        summary: 'Newest first (createdAt, then id, descending).',
        parameters: goalListParameters(),
        responses: { 200: json('GoalPage', 'One page of goals.'), ...errors({ bearer: true }, { 400: response('ValidationProblem') }) },
      },
      post: {
        operationId: 'createGoal',
        tags: ['Goals'],
        requestBody: body('CreateGoalRequest'),
        responses: {
          201: json('Goal', 'Created.', { headers: location }),
          ...errors({ body: true, bearer: true }, { 409: response('Conflict') }),
        },
      },
    },
    '/api/goals/{id}': {
      parameters: [goalId],
      get: {
        operationId: 'getGoal',
        tags: ['Goals'],
        responses: { 200: json('Goal', 'The goal.'), ...errors({ bearer: true }, { 404: response('NotFound') }) },
      },
      put: {
        operationId: 'replaceGoal',
        tags: ['Goals'],
        requestBody: body('ReplaceGoalRequest'),
        responses: { 200: json('Goal', 'Replaced.'), ...errors({ body: true, bearer: true }, { 404: response('NotFound') }) },
      },
      patch: {
        operationId: 'updateGoal',
        tags: ['Goals'],
        summary: 'Change only the fields sent.',
        requestBody: body('UpdateGoalRequest'),
        responses: { 200: json('Goal', 'Updated.'), ...errors({ body: true, bearer: true }, { 404: response('NotFound') }) },
      },
      delete: {
        operationId: 'deleteGoal',
        tags: ['Goals'],
        responses: { 204: { description: 'Deleted.' }, ...errors({ bearer: true }, { 404: response('NotFound') }) },
      },
    },
    '/api/goals/{id}/attachments/grants': {
      parameters: [goalId],
      post: {
        operationId: 'createUploadGrant',
        tags: ['Attachments'],
        summary: 'A single-use upload token, bound to this account, goal, size and type, and the URL to send the file to.',
        requestBody: body('UploadGrantRequest'),
        responses: {
          201: json('UploadGrant', 'Granted. Only the hash of the token is stored.'),
          ...errors(
            { body: true, bearer: true },
            {
              404: response('NotFound'),
              409: problemResponse("The file would take the account past its quota."),
              413: problemResponse('The body, or the declared size, is over its cap (the per-file maximum).'),
            },
          ),
        },
      },
    },
    '/api/goals/{id}/attachments': {
      parameters: [goalId],
      get: {
        operationId: 'listAttachments',
        tags: ['Attachments'],
        summary: 'Oldest first.',
        responses: {
          200: { description: "The goal's attachments.", content: { 'application/json': { schema: { type: 'array', items: schema('Attachment') } } } },
          ...errors({ bearer: true }, { 404: response('NotFound') }),
        },
      },
    },
    '/api/goals/{id}/attachments/{attachmentId}': {
      parameters: [goalId, attachmentId],
      get: {
        operationId: 'downloadAttachment',
        tags: ['Attachments'],
        summary: 'The file, as a download (Content-Disposition: attachment), with its stored type and X-Content-Type-Options: nosniff.',
        responses: {
          200: { description: 'The bytes.', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          ...errors({ bearer: true }, { 404: response('NotFound') }),
        },
      },
    },
    '/api/uploads': {
      put: {
        operationId: 'uploadAttachment',
        tags: ['Attachments'],
        summary: "The file itself, from the browser, with the grant's token. CORS allows the site's origin only, without credentials.",
        ...anonymous,
        parameters: [
          { name: 'X-Upload-Token', in: 'header', required: true, description: 'The grant\'s token. Single use.', schema: { type: 'string' } },
        ],
        requestBody: {
          required: true,
          description: 'Exactly the declared number of bytes, with the declared Content-Type; the first bytes must match it.',
          // One entry per type a grant can name; any other Content-Type is a 415 before the grant is touched.
          content: Object.fromEntries(uploadContentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
        },
        responses: {
          201: json('Attachment', 'Stored and attached to the goal.', { headers: location }),
          400: problemResponse('The body ended before the declared size.'),
          401: problemResponse('No upload token, an unknown one, or an expired one.'),
          403: problemResponse('The upload token was already used.'),
          404: response('NotFound'),
          409: problemResponse("The file would take the account past its quota."),
          413: problemResponse('More bytes than the grant declared.'),
          415: problemResponse('Another Content-Type than declared, or bytes that are not that type.'),
          500: response('ServerError'),
        },
      },
      options: {
        operationId: 'uploadPreflight',
        tags: ['Attachments'],
        summary: 'The CORS preflight. Only the allowed origin (DOTNET_API_ALLOWED_ORIGIN) gets Access-Control-Allow-Origin.',
        ...anonymous,
        responses: { 204: { description: 'Answered; allowed or not is in the Access-Control-* headers.' } },
      },
    },
    '/api/demo/controls': {
      get: {
        operationId: 'getDemoControls',
        tags: ['Demo'],
        summary: "The signed-in account's injected latency and failures.",
        responses: { 200: json('DemoControls', 'The current controls.'), ...errors({ bearer: true, demoControls: 'exempt' }) },
      },
      put: {
        operationId: 'setDemoControls',
        tags: ['Demo'],
        summary: 'Replace the controls. They switch themselves off a fixed time after the last PUT (10 minutes by default).',
        requestBody: body('DemoControlsRequest'),
        responses: {
          200: json('DemoControls', 'The controls now in force.'),
          ...errors({ body: true, bearer: true, demoControls: 'exempt' }),
        },
      },
      delete: {
        operationId: 'resetDemoControls',
        tags: ['Demo'],
        summary: 'Switch every control off.',
        responses: { 204: { description: 'Reset.' }, ...errors({ bearer: true, demoControls: 'exempt' }) },
      },
    },
    '/api/demo/session': {
      get: {
        operationId: 'getDemoSession',
        tags: ['Demo'],
        summary: "The presented token's refresh-token family: age, absolute limit, rotations. No token in it.",
        responses: {
          200: json('DemoSession', 'The session behind the bearer token.'),
          ...errors({ bearer: true, demoControls: 'exempt' }, { 404: response('NotFound') }),
        },
      },
    },
    '/api/demo/expire-access-token': {
      post: {
        operationId: 'expireAccessToken',
        tags: ['Demo'],
        summary: 'Treat the presented access token as expired from now on: its next use gets 401 invalid_token.',
        responses: { 204: { description: 'Expired.' }, ...errors({ bearer: true, demoControls: 'exempt' }) },
      },
    },
    '/api/demo/expire-upload-grants': {
      post: {
        operationId: 'expireUploadGrants',
        tags: ['Demo'],
        summary: "Expire the account's unused upload grants now: their tokens are refused as expired, as after their lifetime.",
        responses: { 204: { description: 'Expired.' }, ...errors({ bearer: true, demoControls: 'exempt' }) },
      },
    },
    '/api/demo/replay-refresh-token': {
      post: {
        operationId: 'replayRefreshToken',
        tags: ['Demo'],
        summary: "Present the session's previous, already rotated refresh token after the overlap window, as a thief would: the family is revoked.",
        responses: {
          204: { description: 'Replayed; the whole family, and its access tokens, are revoked.' },
          ...errors({ bearer: true, demoControls: 'exempt' }, { 409: response('Conflict') }),
        },
      },
    },
    '/openapi/v1.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['Docs'],
        ...anonymous,
        responses: { 200: { description: 'This document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/swagger/v1/swagger.json': {
      get: {
        operationId: 'getSwaggerDocument',
        tags: ['Docs'],
        ...anonymous,
        responses: { 200: { description: 'This document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
  },
  components: components(),
} satisfies OpenAPI3
