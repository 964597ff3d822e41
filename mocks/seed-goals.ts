import { randomUUID } from 'node:crypto'
import type { Goal } from './schemas'

const titles = [
  'Read "Designing Data-Intensive Applications"',
  'Run a 10 km race',
  'Learn 500 Spanish words',
  'Ship the side project',
  'Cook one new recipe a week',
  'Meditate ten minutes a day',
  'Write a blog post every month',
  'Finish the TypeScript course',
  'Save for an emergency fund',
  'Swim 1 km without stopping',
  'Read twelve novels this year',
  'Learn to play "Clair de Lune"',
  'Declutter the garage',
  'Contribute to an open-source project',
  'Sleep before 23:00 on weekdays',
  'Hike the coastal trail',
  'Take a photography class',
  'Call grandparents every Sunday',
  'Build a bookshelf',
  'Get the cloud certification',
  'Plant a vegetable garden',
  'Learn the basics of sign language',
  'Cycle to work twice a week',
  'Try rock climbing',
  'Refactor the home server setup',
  'Visit three new museums',
  'Drink two litres of water a day',
  'Volunteer at the food bank',
  'Learn to juggle three balls',
  'Practise touch typing to 80 wpm',
]

const dayMs = 24 * 60 * 60 * 1000

/**
 * Thirty goals (three pages at the default page size) with both statuses and
 * distinct creation dates, so pagination and filtering have something to show.
 * Dates go back from `now`, one every few days at varying times of day.
 */
export function seedGoals(now: number): Goal[] {
  return titles.map((title, index) => {
    const completed = index % 3 === 1
    const createdAt = now - (index * 3 + 1) * dayMs - ((index * 7919) % 86_400) * 1000
    const updatedAt = Math.min(now, createdAt + ((index % 5) + 1) * dayMs)
    return {
      id: randomUUID(),
      title,
      description: completed ? 'Done, and worth it.' : `Step ${(index % 4) + 1} of the plan is next.`,
      status: completed ? 'completed' : 'active',
      progress: completed ? 100 : (index * 13) % 100,
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(updatedAt).toISOString(),
    }
  })
}
