// Shown while the server fetches the goals; with a fast API it is rarely seen.
export default function GoalsLoading() {
  return (
    <main className="bff-demo-page" aria-busy="true">
      <h1>Goals</h1>
      <p role="status">Loading goals from the API…</p>
    </main>
  )
}
