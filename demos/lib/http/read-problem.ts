/** What went wrong, in words, from a BFF problem+json response. */
export async function readProblem(response: Response): Promise<{ message: string; errors?: Record<string, string[]> }> {
  const body = (await response.json().catch(() => null)) as { title?: string; detail?: string; errors?: Record<string, string[]> } | null
  const message = body?.detail ?? body?.title ?? `The server answered ${response.status}.`
  return { message, errors: body?.errors }
}
