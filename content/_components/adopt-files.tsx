import { Code, Pre, Table } from 'nextra/components'
import { adoptStep, NOT_TO_COPY, readerPath } from '@/site/lib/adopt/adopt-files'
import { adoptEnvironment, adoptPackages } from '@/site/lib/adopt/adopt-requirements'
import { ServerHtml } from '@/site/components/server-html'

const title = (step: string) => step.replace(/-/g, ' ')

/** `backticked` parts of a note as code. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : part))
}

/** One step's files, by the path a reader gives them, with what to change after copying. */
export function AdoptFiles({ step }: { step: string }) {
  const { files } = adoptStep(step)
  return (
    // Wider than the column on small screens: it scrolls, so it must take focus for keyboard users.
    <ServerHtml>
      <Table data-adopt-step={step} tabIndex={0} aria-label={`Files to copy: ${title(step)}`}>
        <thead>
          <Table.Tr>
            <Table.Th>Copy</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>Then</Table.Th>
          </Table.Tr>
        </thead>
        <tbody>
          {files.map(({ path, change }) => (
            <Table.Tr key={path}>
              <Table.Td>
                <code>{readerPath(path)}</code>
              </Table.Td>
              <Table.Td>
                <code>{path}</code>
              </Table.Td>
              <Table.Td>{change ? withCode(change) : 'as it is'}</Table.Td>
            </Table.Tr>
          ))}
        </tbody>
      </Table>
    </ServerHtml>
  )
}

/** What not to copy, and why. */
export function NotToCopy() {
  const rows = NOT_TO_COPY.map(({ path, reason }) => ({ key: path, code: path, note: reason }))
  return <CodeAndNoteTable label="What not to copy, and why" headings={['Leave out', 'Why']} rows={rows} />
}

/** The install line, derived from what the listed files import. */
export function AdoptPackages() {
  const line = `npm install ${adoptPackages().map(({ name, version }) => `${name}@${version}`).join(' ')}`
  return (
    <Pre data-copy="" data-language="sh">
      <Code>{line}</Code>
    </Pre>
  )
}

/** The variables the listed files read, with the example and comment from `.env.example`. */
export function AdoptEnvironment() {
  const rows = adoptEnvironment().map(({ name, example, description }) => ({ key: name, code: example, note: description }))
  return <CodeAndNoteTable label="Environment variables the copied files read" headings={['Variable', 'What it does']} rows={rows} />
}

type CodeAndNote = { key: string; code: string; note: string }

/** A two-column table: a piece of code, and a note on it with its `backticked` parts as code. */
function CodeAndNoteTable({ label, headings, rows }: { label: string; headings: [string, string]; rows: CodeAndNote[] }) {
  return (
    <ServerHtml>
      <Table tabIndex={0} aria-label={label}>
        <thead>
          <Table.Tr>
            <Table.Th>{headings[0]}</Table.Th>
            <Table.Th>{headings[1]}</Table.Th>
          </Table.Tr>
        </thead>
        <tbody>
          {rows.map(({ key, code, note }) => (
            <Table.Tr key={key}>
              <Table.Td>
                <code>{code}</code>
              </Table.Td>
              <Table.Td>{withCode(note)}</Table.Td>
            </Table.Tr>
          ))}
        </tbody>
      </Table>
    </ServerHtml>
  )
}
