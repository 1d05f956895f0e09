/** Stories across the store (core/link/stories.ts), and the dates they give undated documents. */
import type { Doc } from '../core/doc.js';
import { datesFromStories, groupStories, storyFeatures, type Story, type StoryDate, type StoryDoc } from '../core/link/stories.js';
import type { Repository } from '../store/repository.js';

export function storyDoc(doc: Doc): StoryDoc {
  return { id: doc.id, lang: doc.lang, date: doc.published.date, features: storyFeatures(doc) };
}

export async function loadStories(repo: Repository): Promise<{ stories: Story[]; docs: Map<string, { lang: string; title: string | null; date: string | null; after?: string; before?: string }> }> {
  const sds: StoryDoc[] = [];
  const docs = new Map<string, { lang: string; title: string | null; date: string | null; after?: string; before?: string }>();
  // Only the small storyKeys layer is read; documents stored before it existed are read whole.
  for await (const shallow of repo.all({ layers: ['storyKeys'] })) {
    const d = shallow.layers.storyKeys ? shallow : ((await repo.get(shallow.id)) ?? shallow);
    sds.push(storyDoc(d));
    docs.set(d.id, { lang: d.lang, title: d.title, date: d.published.date, ...(d.published.after ? { after: d.published.after } : {}), ...(d.published.before ? { before: d.published.before } : {}) });
  }
  return { stories: groupStories(sds), docs };
}

export async function storyDates(repo: Repository): Promise<StoryDate[]> {
  const { stories, docs } = await loadStories(repo);
  return datesFromStories(stories, docs);
}

/** Export section `stories`. */
export const storiesSection = {
  name: 'stories',
  start() {
    const sds: StoryDoc[] = [];
    return {
      add(doc: Doc) {
        sds.push(storyDoc(doc));
        return undefined;
      },
      finish: () => groupStories(sds).map((s) => ({ id: s.id, documents: s.documents, langs: s.langs, links: s.links })),
    };
  },
};
