import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { ClientsService } from '../clients/clients.service';
import { ArticlesService } from '../knowledge/articles.service';
import { CreateArticleDto, UpdateArticleDto, type ArticleView } from '../knowledge/dto/article.dto';
import { renderMarkdown } from '../knowledge/markdown';
import { ArticleForm, checkDto, many, splitTags, ticked } from './console-forms';
import type { FormOutcome } from './console-pages';
import { formFailure, type FormProblem } from './form-problems';

const ALL = { limit: 500, offset: 0 };

const EMPTY: ArticleDraft = {
  title: '',
  bodyMarkdown: '',
  tags: '',
  published: false,
  clientIds: [],
};

/** What the editor shows besides the draft. */
interface EditorExtras {
  preview?: string;
  problems?: FormProblem[];
  saved?: boolean;
}

/** What the editor shows: the values being edited, as the form sends them back. */
export interface ArticleDraft {
  title: string;
  bodyMarkdown: string;
  tags: string;
  published: boolean;
  clientIds: string[];
}

export function draftOf(article: ArticleView): ArticleDraft {
  return {
    title: article.title,
    bodyMarkdown: article.bodyMarkdown,
    tags: article.tags.join(', '),
    published: article.published,
    clientIds: article.clientIds ?? [],
  };
}

export function draftFromForm(form: ArticleForm): ArticleDraft {
  return {
    title: form.title ?? '',
    bodyMarkdown: form.bodyMarkdown ?? '',
    tags: form.tags ?? '',
    published: ticked(form.published),
    clientIds: many(form.clientIds),
  };
}

/** The knowledge base editor: the articles, a preview rendered like the published page. */
@Injectable()
export class ConsoleKnowledge {
  constructor(
    private readonly articles: ArticlesService,
    private readonly clients: ClientsService,
  ) {}

  list(user: AuthUser, q: string | undefined) {
    return this.articles.list(user, { ...ALL, q });
  }

  get(user: AuthUser, id: string): Promise<ArticleView> {
    return this.articles.get(user, id);
  }

  async clientChoices(user: AuthUser) {
    return (await this.clients.list(user, ALL)).items.map((c) => ({ id: c.id, name: c.name }));
  }

  /** The editor on a draft: a new article (no id) or one being changed. */
  async editorPage(user: AuthUser, id: string | null, draft = EMPTY, extra: EditorExtras = {}) {
    const clients = await this.clientChoices(user);
    return { id, draft, clients, saved: false, preview: null, problems: [], ...extra };
  }

  /** The editor on a stored article, its Markdown rendered as a preview. */
  async editPage(user: AuthUser, id: string, saved: boolean) {
    const article = await this.get(user, id);
    return this.editorPage(user, id, draftOf(article), { preview: article.bodyHtml, saved });
  }

  /** "Preview" shows the rendered Markdown and keeps editing; "Save" writes it. */
  async submit(user: AuthUser, id: string | null, form: ArticleForm): Promise<FormOutcome> {
    const draft = draftFromForm(form);
    if (form.action === 'preview') {
      const page = await this.editorPage(user, id, draft, { preview: this.preview(draft) });
      return { page, status: 200 };
    }
    let problems: FormProblem[];
    let status = 400;
    try {
      const saved = await this.save(user, id, draft);
      if (saved.article) return { redirect: `/console/kb/${saved.article.id}?saved=1` };
      problems = saved.problems;
    } catch (error) {
      ({ problems, status } = formFailure(error));
    }
    return { page: await this.editorPage(user, id, draft, { problems }), status };
  }

  /** The Markdown as readers will see it, sanitised the same way. */
  preview(draft: ArticleDraft): string {
    return renderMarkdown(draft.bodyMarkdown);
  }

  /** Creates the article (no id) or saves the changes to it. */
  async save(
    user: AuthUser,
    id: string | null,
    draft: ArticleDraft,
  ): Promise<{ problems: FormProblem[]; article?: ArticleView }> {
    const plain = { ...draft, tags: splitTags(draft.tags) };
    const checked = await checkDto(id ? UpdateArticleDto : CreateArticleDto, plain);
    if (!checked.value) return checked;
    const article = id
      ? await this.articles.update(user, id, checked.value)
      : await this.articles.create(user, checked.value as CreateArticleDto);
    return { problems: [], article };
  }

  remove(id: string): Promise<void> {
    return this.articles.remove(id);
  }
}
