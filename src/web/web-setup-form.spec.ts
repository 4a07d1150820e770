import { setupFormDefaults, setupPlain, shownProblems, typedAgain } from './web-setup-form';

describe('the first-start form', () => {
  it('offers the defaults: Paris time, French holidays, Monday to Friday 09:00–18:00, no VAT', () => {
    expect(setupFormDefaults('en')).toEqual({
      legalForm: 'EI',
      vatRegime: 'franchise',
      country: 'FR',
      timezone: 'Europe/Paris',
      holidayCalendar: 'FR',
      opens: '09:00',
      closes: '18:00',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      locale: 'en',
    });
  });

  it('makes the setup body: hours on the ticked days only, your email for a blank practice email', () => {
    const plain = setupPlain({
      email: ' camille@example.fr ',
      password: 'a long pass phrase',
      displayName: 'Camille',
      practiceName: 'Conseil',
      legalForm: 'EI',
      siren: '732 829 320',
      siret: '',
      country: 'fr',
      practiceEmail: ' ',
      days: ['mon', 'sat'],
      opens: '08:30',
      closes: '12:00',
    }) as { email: string; practice: Record<string, unknown> };
    expect(plain.email).toBe('camille@example.fr');
    expect(plain.practice).toMatchObject({
      siren: '732 829 320',
      siret: undefined,
      email: 'camille@example.fr',
      address: expect.objectContaining({ country: 'FR' }),
      businessHours: {
        mon: [['08:30', '12:00']],
        tue: [],
        wed: [],
        thu: [],
        fri: [],
        sat: [['08:30', '12:00']],
        sun: [],
      },
    });
    // One ticked box arrives as a string, not a list.
    const one = setupPlain({ days: 'wed', opens: '09:00', closes: '17:00' }) as {
      practice: { businessHours: Record<string, unknown[]> };
    };
    expect(one.practice.businessHours.wed).toEqual([['09:00', '17:00']]);
    expect(one.practice.businessHours.mon).toEqual([]);
  });

  it('shows the form again without the password, and the practice email’s problem only when one was typed', () => {
    expect(typedAgain({ password: 'secret secret', city: 'Lyon', days: 'mon' })).toEqual({
      city: 'Lyon',
      days: ['mon'],
    });
    const problems = [{ field: 'email' }, { field: 'practice.email' }];
    expect(shownProblems({ practiceEmail: '' }, problems)).toEqual([{ field: 'email' }]);
    expect(shownProblems({ practiceEmail: 'x' }, problems)).toEqual(problems);
  });
});
