import 'server-only'
import type { LabStep } from './lab-attack-names'
import { pngBytes, type Answer, type UploadLabApi, uploadLabApi } from './upload-lab-api'

// What a renamed Windows executable starts with: "MZ".
const EXECUTABLE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])
const HOSTILE_NAME = '../../etc/passwd\u0000.png'
const ATTACKER_ORIGIN = 'https://attacker.example'
const DECLARED = 64
const png = { fileName: 'photo.png', size: DECLARED, contentType: 'image/png' }

type Case = (api: UploadLabApi, goalId: string) => Promise<LabStep[]>

// #region direct-upload-attacks
/**
 * 11. Workflow E's upload endpoint, attacked with the caller's own grants on a
 * goal the lab makes for the run. Each refusal is judged by its effect: the
 * goal's attachments are listed before and after, and must not have changed.
 */
export async function directUploadAttacks(callerToken: string, clientAddress: string | null): Promise<LabStep[]> {
  const api = uploadLabApi(callerToken, clientAddress)
  // 1. A goal of the caller's own, so the run touches none of theirs; deleted at the end with its files.
  const goalId = await api.createGoal('Attack lab: direct uploads')
  if (!goalId) return [{ label: 'A goal of yours to attach files to', status: 0, blocked: false, detail: 'The API would not create one (at the goal cap, or "API down"?); nothing was tried.' }]
  const steps: LabStep[] = []
  try {
    // 2. Each case, one after the other: a case that fails to run says so and the next still runs.
    //    The two that store a file on purpose come last, so every refusal before them starts from an empty goal.
    for (const run of [noGrant, expiredToken, anotherAccountsGoal, moreBytesThanDeclared, wrongBytesForType, foreignPreflight, reusedToken, hostileFileName]) {
      steps.push(...(await run(api, goalId).catch((error: Error) => [{ label: run.name, status: 0, blocked: false, detail: `Could not run: ${error.message}` }])))
    }
  } finally {
    await api.deleteGoal(goalId).catch(() => {})
  }
  // 3. No upload token leaves this route, whatever an answer echoed.
  return steps.map((step) => ({ ...step, label: api.redact(step.label), detail: api.redact(step.detail) }))
}

/** One refused attempt, judged by its status AND by the goal's attachments staying as they were. */
async function refused(api: UploadLabApi, goalId: string, label: string, expected: number, attempt: () => Promise<Answer>): Promise<LabStep> {
  const before = (await api.attachments(goalId))?.length
  const answer = await attempt()
  const after = (await api.attachments(goalId))?.length
  const unchanged = before !== undefined && after === before
  return { label, status: answer.status, blocked: answer.status === expected && unchanged, detail: `${answer.detail} Attachments on the goal: ${before ?? '?'} before, ${after ?? '?'} after.` }
}
// #endregion direct-upload-attacks

const noGrant: Case = async (api, goalId) => [
  await refused(api, goalId, 'PUT /api/uploads with no X-Upload-Token', 401, () => api.upload(null, pngBytes(DECLARED))),
  await refused(api, goalId, 'PUT /api/uploads with a made-up X-Upload-Token', 401, () => api.upload('made-up-token-0123456789abcdefghijklmnop', pngBytes(DECLARED))),
]

const reusedToken: Case = async (api, goalId) => {
  const { uploadToken } = await api.grant(goalId, png)
  const before = (await api.attachments(goalId))?.length ?? 0
  const first = await api.upload(uploadToken, pngBytes(DECLARED))
  const second = await api.upload(uploadToken, pngBytes(DECLARED))
  const after = (await api.attachments(goalId))?.length
  return [
    {
      label: `The same token twice, X-Upload-Token: ${uploadToken}`,
      status: second.status,
      blocked: first.status === 201 && second.status === 403 && after === before + 1,
      detail: `First use ${first.status}; second use: ${second.detail} Attachments: ${before} before, ${after ?? '?'} after (the first upload only).`,
    },
  ]
}

const expiredToken: Case = async (api, goalId) => {
  const { uploadToken } = await api.grant(goalId, png)
  const expired = await api.expireUploadGrants()
  if (expired !== 204) {
    return [{ label: 'An expired token', status: expired, blocked: false, detail: 'This API has no demo endpoint to expire a grant early (the mock has one), so the case was not tried.' }]
  }
  return [await refused(api, goalId, 'An expired token (its grant run out by the demo endpoint)', 401, () => api.upload(uploadToken, pngBytes(DECLARED)))]
}

const anotherAccountsGoal: Case = async (api) => {
  const victim = await api.throwawayAccount()
  const victimGoal = victim && (await api.createGoal('Not yours', victim))
  if (!victim || !victimGoal) return [{ label: "A grant for another account's goal", status: 0, blocked: false, detail: 'Could not make a throwaway account with a goal to attack; not tried.' }]
  const granted = await api.grant(victimGoal, png)
  const theirs = await api.attachments(victimGoal, victim)
  await api.deleteGoal(victimGoal, victim).catch(() => {})
  return [
    {
      label: "A grant for another account's goal (a throwaway account the lab made)",
      status: granted.status,
      blocked: granted.status === 404 && granted.uploadToken === null && theirs?.length === 0,
      detail: `${granted.uploadToken ? 'A token was issued.' : `No token: ${granted.detail}`} Their goal's attachments: ${theirs?.length ?? '?'}.`,
    },
  ]
}

const moreBytesThanDeclared: Case = async (api, goalId) => {
  const more = pngBytes(DECLARED * 64)
  const streamed = () => new Blob([more]).stream()
  return [
    await refused(api, goalId, `Declared ${DECLARED} bytes, sent ${more.byteLength} with Content-Length`, 413, async () => api.upload((await api.grant(goalId, png)).uploadToken, more)),
    await refused(api, goalId, `Declared ${DECLARED} bytes, sent ${more.byteLength} streamed, no Content-Length`, 413, async () => api.upload((await api.grant(goalId, png)).uploadToken, streamed())),
  ]
}

const wrongBytesForType: Case = async (api, goalId) => {
  const file = { fileName: 'cat.png', size: EXECUTABLE.byteLength, contentType: 'image/png' }
  return [await refused(api, goalId, 'A renamed executable (starts with MZ) declared as image/png', 415, async () => api.upload((await api.grant(goalId, file)).uploadToken, EXECUTABLE))]
}

const foreignPreflight: Case = async (api, goalId) => {
  const before = (await api.attachments(goalId))?.length
  const answer = await api.preflight(ATTACKER_ORIGIN)
  const allowed = answer.headers.get('access-control-allow-origin')
  return [
    {
      label: `The CORS preflight from ${ATTACKER_ORIGIN}`,
      status: answer.status,
      blocked: allowed === null && (await api.attachments(goalId))?.length === before,
      detail: allowed
        ? `Access-Control-Allow-Origin: ${allowed}. A page there could upload with any token it got hold of.`
        : 'No Access-Control-Allow-Origin: a browser on that origin stops here and never sends the PUT. (The browser tests do it for real.)',
    },
  ]
}

const hostileFileName: Case = async (api, goalId) => {
  const uploaded = await api.upload((await api.grant(goalId, { ...png, fileName: HOSTILE_NAME })).uploadToken, pngBytes(DECLARED))
  const stored = (await api.attachments(goalId))?.at(-1)?.fileName
  // Display text: no path separator, no control character, something left to show.
  const safe = uploaded.status === 201 && !!stored && !/[/\\\u0000-\u001f\u007f]/.test(stored)
  return [
    {
      label: `A file named ${JSON.stringify(HOSTILE_NAME)}`,
      status: uploaded.status,
      blocked: safe,
      detail: stored ? `Listed as ${JSON.stringify(stored)}: display text only; the file itself is stored under an id.` : `Not stored: ${uploaded.detail}`,
    },
  ]
}
