// The asset map's next step reads naturally: one calls a phone number and emails an address.
import { matchAction } from '../../src/domain/assets/describe';
import type { Finding, PartnerEntry } from '../../src/domain/assets/model';

const ymca: PartnerEntry = {
  id: 'P2',
  name: 'Riverside YMCA',
  contact: 'Tom Reed',
  email: 'tom@riverside-ymca.example.org',
  phone: '(555) 201-6630',
  row: 3,
};

function finding(kind: 'Need' | 'Asset', partner: PartnerEntry | null): Finding {
  return {
    ref: kind === 'Need' ? 'F1' : 'F2',
    id: kind === 'Need' ? 'F1' : 'F2',
    row: kind === 'Need' ? 2 : 3,
    source: 'Organisational',
    partner,
    kind,
    category: 'Physical space',
    description: kind === 'Need' ? 'No room for homework club' : 'Gym free after 4 pm',
    evidence: '',
    dataSource: '',
    population: '',
    priority: null,
    goal: null,
  };
}

const action = (partner: PartnerEntry) =>
  matchAction({ need: finding('Need', null), asset: finding('Asset', partner) });

describe('matchAction', () => {
  it('calls a phone number', () => {
    expect(action(ymca)).toMatch(
      /^Call Tom Reed at Riverside YMCA on \(555\) 201-6630 and ask whether “Gym free after 4 pm” can help with F1/,
    );
  });

  it('emails an address, never "calls" it', () => {
    const text = action({ ...ymca, phone: '' });
    expect(text).toMatch(
      /^Email Tom Reed at Riverside YMCA \(tom@riverside-ymca\.example\.org\) and ask whether/,
    );
    expect(text).not.toMatch(/Call|on tom@/);
  });

  it('asks the contact when there is no way to reach them in the Partners tab', () => {
    expect(action({ ...ymca, phone: '', email: '' })).toMatch(
      /^Ask Tom Reed at Riverside YMCA whether “Gym/,
    );
  });

  it('never puts an email address after "Call … on", whatever is filled in', () => {
    for (const contact of ['', 'Tom Reed'])
      for (const phone of ['', '555 0100'])
        for (const email of ['', 'tom@example.org']) {
          const text = action({ ...ymca, contact, phone, email });
          expect(text).not.toMatch(/on [^ ]*@/);
          if (text.startsWith('Call')) expect(text).toContain(`on ${phone}`);
        }
  });
});
