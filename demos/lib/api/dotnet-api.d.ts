/**
 * Generated from mocks/openapi-document.ts by openapi-typescript. Do not edit by hand.
 * Regenerate with `npm run api:types`
 * (or `npm run api:types -- --url https://…/swagger/v1/swagger.json` for a real API).
 * tests/unit/mocks/api-types-drift.test.ts fails when this file is stale.
 */

export interface paths {
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for an access token and a refresh token. */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a throwaway account, seeded with sample goals. */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate a refresh token. Presenting a used token revokes its whole family. */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the refresh token's family. Unknown tokens are accepted too. */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Newest first (createdAt, then id, descending). */
        get: operations["listGoals"];
        put?: never;
        post: operations["createGoal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get: operations["getGoal"];
        put: operations["replaceGoal"];
        post?: never;
        delete: operations["deleteGoal"];
        options?: never;
        head?: never;
        /** Change only the fields sent. */
        patch: operations["updateGoal"];
        trace?: never;
    };
    "/api/goals/{id}/attachments/grants": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use upload token, bound to this account, goal, size and type, and the URL to send the file to. */
        post: operations["createUploadGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** Oldest first. */
        get: operations["listAttachments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/goals/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        /** The file, as a download (Content-Disposition: attachment), with its stored type and X-Content-Type-Options: nosniff. */
        get: operations["downloadAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The file itself, from the browser, with the grant's token. CORS allows the site's origin only, without credentials. */
        put: operations["uploadAttachment"];
        post?: never;
        delete?: never;
        /** The CORS preflight. Only the allowed origin (DOTNET_API_ALLOWED_ORIGIN) gets Access-Control-Allow-Origin. */
        options: operations["uploadPreflight"];
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account's injected latency and failures. */
        get: operations["getDemoControls"];
        /** Replace the controls. They switch themselves off a fixed time after the last PUT (10 minutes by default). */
        put: operations["setDemoControls"];
        post?: never;
        /** Switch every control off. */
        delete: operations["resetDemoControls"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The presented token's refresh-token family: age, absolute limit, rotations. No token in it. */
        get: operations["getDemoSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo/expire-access-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Treat the presented access token as expired from now on: its next use gets 401 invalid_token. */
        post: operations["expireAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo/expire-upload-grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Expire the account's unused upload grants now: their tokens are refused as expired, as after their lifetime. */
        post: operations["expireUploadGrants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/demo/replay-refresh-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Present the session's previous, already rotated refresh token after the overlap window, as a thief would: the family is revoked. */
        post: operations["replayRefreshToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi/v1.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/swagger/v1/swagger.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getSwaggerDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @enum {string} */
        GoalStatus: "active" | "completed";
        LoginRequest: {
            /** Format: email */
            email: string;
            password: string;
        };
        RegisterRequest: {
            name: string;
            /** Format: email */
            email: string;
            password: string;
        };
        RefreshRequest: {
            refreshToken: string;
        };
        LogoutRequest: {
            refreshToken?: string;
        };
        CreateGoalRequest: {
            title: string;
            /** @description Defaults to an empty string. */
            description?: string;
            /** @description Defaults to "active". */
            status?: components["schemas"]["GoalStatus"];
            /** @description Defaults to 0. */
            progress?: number;
        };
        ReplaceGoalRequest: {
            title: string;
            description: string;
            status: components["schemas"]["GoalStatus"];
            progress: number;
        };
        UpdateGoalRequest: {
            title?: string;
            description?: string;
            status?: components["schemas"]["GoalStatus"];
            progress?: number;
        };
        /** @description Replaces all the controls: a field left out is switched off. */
        DemoControlsRequest: {
            /** @description Milliseconds added to every request of the account. Defaults to 0. */
            latencyMs?: number;
            /** @description How many of the next POST, PUT, PATCH or DELETE requests answer 500. Counts down as they fail. Defaults to 0. */
            failNextMutations?: number;
            /** @description Share of the other mutations that answer 500: 0 none, 0.3 about a third, 1 all. Defaults to 0. */
            failureRate?: number;
            /** @description Every request of the account answers 503 with Retry-After, as if the API were down. Defaults to false. */
            down?: boolean;
        };
        UploadGrantRequest: {
            /** @description Kept only as display text: path segments and control characters are removed. */
            fileName: string;
            /** @description Exact byte count of the file. The upload must send exactly this many bytes. */
            size: number;
            /** @enum {string} */
            contentType: "image/png" | "image/jpeg" | "image/gif" | "application/pdf" | "application/zip" | "text/plain" | "text/csv";
        };
        Goal: {
            /** Format: uuid */
            id: string;
            title: string;
            description: string;
            status: components["schemas"]["GoalStatus"];
            progress: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        GoalPage: {
            items: components["schemas"]["Goal"][];
            page: number;
            pageSize: number;
            totalCount: number;
            totalPages: number;
            hasMore: boolean;
        };
        User: {
            /** Format: uuid */
            id: string;
            name: string;
            email: string;
            /** @description Role claim. Every account the mock creates has the role "user". */
            role: string;
        };
        LoginResponse: {
            accessToken: string;
            refreshToken: string;
            /** @description Seconds until the access token expires. */
            expiresIn: number;
            /** @description Seconds until the refresh token family reaches its absolute expiry; rotation does not extend it. */
            refreshTokenExpiresIn: number;
            user: components["schemas"]["User"];
        };
        ProblemDetails: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            traceId: string;
        } & {
            [key: string]: unknown;
        };
        ValidationProblemDetails: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            traceId: string;
            /** @description Messages keyed by the PascalCase property name, as ASP.NET Core model validation reports them. */
            errors: {
                [key: string]: string[];
            };
        } & {
            [key: string]: unknown;
        };
        DemoControls: {
            /** @description Milliseconds added to every request of the account. */
            latencyMs: number;
            /** @description How many of the next POST, PUT, PATCH or DELETE requests answer 500. Counts down as they fail. */
            failNextMutations: number;
            /** @description Share of the other mutations that answer 500: 0 none, 0.3 about a third, 1 all. */
            failureRate: number;
            /** @description Every request of the account answers 503 with Retry-After, as if the API were down. */
            down: boolean;
            /** @description When the controls switch themselves off: a fixed time after they were last set. Null when none is on. */
            expiresAt: string | null;
        };
        /** @description Demo only: the refresh-token family behind the presented access token. */
        DemoSession: {
            /** @description The first 8 characters of the refresh-token family id (the `sid` claim): enough to tell sessions apart. */
            familyIdPrefix: string;
            /**
             * Format: date-time
             * @description When the family started: the sign-in.
             */
            familyCreatedAt: string;
            /**
             * Format: date-time
             * @description The absolute limit: no refresh succeeds after it, however often the family rotated.
             */
            familyExpiresAt: string;
            /** @description Refresh tokens issued since sign-in: one per successful rotation. */
            rotations: number;
            /** @description Refreshes the overlap window answered with a successor already issued, instead of revoking the family. */
            overlapReuses: number;
            /** @description The overlap window in force, in seconds (0 = off). */
            overlapSeconds: number;
        };
        UploadGrant: {
            /** @description Where the browser PUTs the file: absolute when the API has a public URL, otherwise a path on its own origin. */
            uploadUrl: string;
            /** @description Send as X-Upload-Token on that one PUT. Single use; never a cookie. */
            uploadToken: string;
            /** Format: date-time */
            expiresAt: string;
        };
        Attachment: {
            /** Format: uuid */
            id: string;
            /** @description Sanitized display text, never a path. */
            fileName: string;
            contentType: string;
            size: number;
            /** Format: date-time */
            createdAt: string;
        };
    };
    responses: {
        /** @description The request failed validation. */
        ValidationProblem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ValidationProblemDetails"];
            };
        };
        /** @description Missing or invalid access token. Empty body; the header says why, e.g. `Bearer error="invalid_token", error_description="The token expired at '01/31/2025 10:00:00'"`. */
        BearerChallenge: {
            headers: {
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The credentials or refresh token were not accepted. */
        CredentialsProblem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description No such resource for this account. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The request conflicts with existing state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The body is over the size cap. */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The body is not JSON. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Over a per-client limit: failed sign-ins from this client or for this account, or registrations from this client. */
        TooManyRequests: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description Unexpected error; only a traceId is returned. One injected by the demo controls says so in `detail`. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
        /** @description The account's demo controls have taken the API down. */
        DemoOutage: {
            headers: {
                /** @description Seconds to wait. */
                "Retry-After": number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ProblemDetails"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. A new refresh-token family starts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["CredentialsProblem"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Account created. */
            201: {
                headers: {
                    /** @description URL of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new token pair; the old refresh token is spent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["CredentialsProblem"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutRequest"];
            };
        };
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ValidationProblem"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["BearerChallenge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    listGoals: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "active" | "completed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of goals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoalPage"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["BearerChallenge"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    createGoal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGoalRequest"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description URL of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Goal"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["BearerChallenge"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    getGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The goal. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Goal"];
                };
            };
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    replaceGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceGoalRequest"];
            };
        };
        responses: {
            /** @description Replaced. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Goal"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    deleteGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    updateGoal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateGoalRequest"];
            };
        };
        responses: {
            /** @description Updated. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Goal"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    createUploadGrant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UploadGrantRequest"];
            };
        };
        responses: {
            /** @description Granted. Only the hash of the token is stored. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadGrant"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            /** @description The file would take the account past its quota. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The body, or the declared size, is over its cap (the per-file maximum). */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    listAttachments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The goal's attachments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"][];
                };
            };
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    downloadAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["DemoOutage"];
        };
    };
    uploadAttachment: {
        parameters: {
            query?: never;
            header: {
                /** @description The grant's token. Single use. */
                "X-Upload-Token": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Exactly the declared number of bytes, with the declared Content-Type; the first bytes must match it. */
        requestBody: {
            content: {
                "image/png": string;
                "image/jpeg": string;
                "image/gif": string;
                "application/pdf": string;
                "application/zip": string;
                "text/plain": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description Stored and attached to the goal. */
            201: {
                headers: {
                    /** @description URL of the created resource. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            /** @description The body ended before the declared size. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No upload token, an unknown one, or an expired one. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The upload token was already used. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The file would take the account past its quota. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description More bytes than the grant declared. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Another Content-Type than declared, or bytes that are not that type. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            500: components["responses"]["ServerError"];
        };
    };
    uploadPreflight: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Answered; allowed or not is in the Access-Control-* headers. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getDemoControls: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current controls. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoControls"];
                };
            };
            401: components["responses"]["BearerChallenge"];
            500: components["responses"]["ServerError"];
        };
    };
    setDemoControls: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DemoControlsRequest"];
            };
        };
        responses: {
            /** @description The controls now in force. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoControls"];
                };
            };
            400: components["responses"]["ValidationProblem"];
            401: components["responses"]["BearerChallenge"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["ServerError"];
        };
    };
    resetDemoControls: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reset. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["BearerChallenge"];
            500: components["responses"]["ServerError"];
        };
    };
    getDemoSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session behind the bearer token. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DemoSession"];
                };
            };
            401: components["responses"]["BearerChallenge"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["ServerError"];
        };
    };
    expireAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Expired. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["BearerChallenge"];
            500: components["responses"]["ServerError"];
        };
    };
    expireUploadGrants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Expired. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["BearerChallenge"];
            500: components["responses"]["ServerError"];
        };
    };
    replayRefreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Replayed; the whole family, and its access tokens, are revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["BearerChallenge"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["ServerError"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
    getSwaggerDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
        };
    };
}
