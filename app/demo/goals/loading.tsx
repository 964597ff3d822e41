// Shown while the server fetches the goals; with a fast API it is rarely seen,
// but painted all the same. Like the page it fills a screen, so nothing after
// it moves when the page replaces it (see layout.tsx).
export default function GoalsLoading() {
  return (
    <main className="bff-demo-page bff-streamed" aria-busy="true">
      <h1>Goals</h1>
      <p role="status">Loading goals from the API…</p>
    </main>
  )
}
