import { DomainError } from '../common/domain-error';
import { catalogue } from '../i18n';
import { formFailure, formView, inputsOf } from './form-problems';
import { PAGE_FORMS } from './page-forms';

const fr = (key: string, values?: Record<string, string | number>) =>
  catalogue().format('fr', key, values);

describe('a page form’s problems', () => {
  it('shows each problem beside the input that feeds its field, once an input, in the form’s order', () => {
    const view = formView(PAGE_FORMS.contract, 'fr', { monthlyFee: '-50' }, [
      { field: 'urgencyPolicy.levels.critical.overageFeeCents', code: 'form.amount', message: 'x' },
      { field: 'billing.monthlyFeeCents', code: 'min', message: 'first', min: 0, unit: 'cents' },
      { field: 'billing.monthlyFeeCents', code: 'max', message: 'second', max: 1 },
      { field: 'clientId', code: 'isUUID', message: 'clientId must be a UUID' },
    ]);
    expect(view.problems.map((p) => p.href)).toEqual([
      '#nk-clientId',
      '#nk-monthlyFee',
      '#nk-critical-overageFee',
    ]);
    const fee = view.problem('monthlyFee')!;
    expect(fee.text).toBe(
      fr('problem.min', { field: fr('field.monthlyFeeCents'), min: 0, unit: 'cents' }),
    );
    expect(fee.label).toBe('Forfait mensuel (€)');
    expect(fee.line).toBe(`Forfait mensuel (€)\u00a0: ${fee.text}`);
    expect(view.problem('critical.overageFee')!.label).toBe('Critique — Prix hors quota (€)');
    expect(view.attrs('monthlyFee', 'help')).toBe(
      ' aria-invalid="true" aria-describedby="nk-monthlyFee-problem help"',
    );
    expect(view.attrs('title', 'help')).toBe(' aria-describedby="help"');
    expect(view.attrs('title')).toBe('');
    expect(view.value('monthlyFee')).toBe('-50');
    expect(view.value('title', 'none')).toBe('none');
  });

  it('finds the input of an item of a list, and leaves a field of no input to the summary', () => {
    const view = formView(PAGE_FORMS.article, 'en', {}, [
      { field: 'tags.3', code: 'maxLength', message: 'too long', maxLength: 40 },
      { field: 'slug', code: 'isString', message: 'slug must be a string' },
    ]);
    expect(view.problem('tags')?.id).toBe('kb-tags-problem');
    expect(view.problems.map((p) => [p.href, p.label])).toEqual([
      ['#kb-tags', 'Tags'],
      [null, 'slug'],
    ]);
  });

  it('says a problem of no known words in the page’s language, never in the developer’s', () => {
    const view = formView(PAGE_FORMS.client, 'fr', {}, [
      { field: 'name', code: 'noSuchCode', message: 'name is odd' },
      { field: 'city', message: 'city is odd' },
    ]);
    expect(view.problems.map((p) => p.text)).toEqual([
      fr('web.form.invalid'),
      fr('web.form.invalid'),
    ]);
  });

  it('says a refusal of the whole form in its error’s words, else in those of its status', () => {
    const failure = formFailure(new DomainError('conflict.nothing_known', 'Developer words'));
    expect(failure.status).toBe(409);
    const view = formView(PAGE_FORMS.document, 'fr', {}, [
      ...failure.problems,
      ...failure.problems,
    ]);
    expect(view.problems).toEqual([
      {
        input: null,
        id: 'document-problems-0',
        href: null,
        label: '',
        text: fr('error.409'),
        line: fr('error.409'),
      },
    ]);
  });

  it('keeps the figures of a refusal’s fields, and rethrows what is not the user’s doing', () => {
    const error = new DomainError('rule.quota_exceeded', 'Quota', [
      { field: 'urgency', message: 'spent', level: 'critical', used: 1, quota: 1 },
    ]);
    expect(formFailure(error)).toEqual({
      status: 422,
      problems: [
        {
          field: 'urgency',
          message: 'spent',
          level: 'critical',
          used: 1,
          quota: 1,
          errorCode: 'rule.quota_exceeded',
        },
      ],
    });
    expect(() => formFailure(new Error('boom'))).toThrow('boom');
  });

  it('places every input of every page form, each with a label for people', () => {
    for (const [name, spec] of Object.entries(PAGE_FORMS)) {
      const view = formView(spec, 'fr', {}, []);
      const declared = inputsOf(spec.form);
      expect({ name, inputs: [...view.inputs].sort() }).toEqual({ name, inputs: declared.sort() });
      const order: readonly string[] = 'order' in spec ? spec.order : [];
      expect(order.filter((i) => !declared.includes(i))).toEqual([]);
      for (const input of view.inputs) expect(view.label(input)).toMatch(/^[A-ZÉ]/);
    }
  });
});
