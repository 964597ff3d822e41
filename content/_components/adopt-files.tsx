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
  return (
    <ServerHtml>
      <Table tabIndex={0} aria-label="What not to copy, and why">
        <thead>
          <Table.Tr>
            <Table.Th>Leave out</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </thead>
        <tbody>
          {NOT_TO_COPY.map(({ path, reason }) => (
            <Table.Tr key={path}>
              <Table.Td>
                <code>{path}</code>
              </Table.Td>
              <Table.Td>{withCode(reason)}</Table.Td>
            </Table.Tr>
          ))}
        </tbody>
      </Table>
    </ServerHtml>
  )
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
  return (
    <ServerHtml>
      <Table tabIndex={0} aria-label="Environment variables the copied files read">
        <thead>
          <Table.Tr>
            <Table.Th>Variable</Table.Th>
            <Table.Th>What it does</Table.Th>
          </Table.Tr>
        </thead>
        <tbody>
          {adoptEnvironment().map(({ name, example, description }) => (
            <Table.Tr key={name}>
              <Table.Td>
                <code>{example}</code>
              </Table.Td>
              <Table.Td>{withCode(description)}</Table.Td>
            </Table.Tr>
          ))}
        </tbody>
      </Table>
    </ServerHtml>
  )
}
