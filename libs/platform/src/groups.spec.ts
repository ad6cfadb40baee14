import { GroupCatalog, groupProblems } from './groups';

const modules = [
  { name: 'base', groups: [{ id: 'user', label: 'Internal User', everyone: true }, { id: 'admin', label: 'Administrator', implies: ['user'] }] },
  { name: 'helpdesk', groups: [{ id: 'helpdesk_agent', label: 'Agent', implies: ['user'] }, { id: 'helpdesk_lead', label: 'Lead', implies: ['helpdesk_agent'], impliedBy: ['admin'] }] },
];

describe('GroupCatalog', () => {
  const catalog = new GroupCatalog(modules);

  it('closes implications, including those a module adds under another module’s group', () => {
    expect(catalog.list().find((g) => g.id === 'admin')?.implies).toEqual(['user', 'helpdesk_agent', 'helpdesk_lead']);
    expect(catalog.list().find((g) => g.id === 'helpdesk_lead')).toMatchObject({ module: 'helpdesk', implies: ['user', 'helpdesk_agent'] });
  });

  it('gives every user the everyone groups, expands stored ones and drops groups no module declares', () => {
    expect(catalog.effective([])).toEqual(['user']);
    expect(catalog.effective(['helpdesk_lead'])).toEqual(['user', 'helpdesk_agent', 'helpdesk_lead']);
    expect(catalog.effective(['admin', 'gone_module_group'])).toEqual(['user', 'admin', 'helpdesk_agent', 'helpdesk_lead']);
  });

  it('without the module, its groups and what it added under admin are gone', () => {
    expect(new GroupCatalog(modules.slice(0, 1)).effective(['admin', 'helpdesk_lead'])).toEqual(['user', 'admin']);
  });
});

describe('groupProblems', () => {
  it('names the module and the group for duplicates, bad ids and unknown implications', () => {
    expect(groupProblems([...modules, { name: 'other', groups: [{ id: 'admin', label: 'Again' }, { id: 'Bad-Id', label: 'x' }, { id: 'ok', label: '', implies: ['nope'] }] }])).toEqual([
      'module "other": groups[0]: group "admin" is already declared by module "base"',
      'module "other": groups[1]: "id" must be lower_snake_case',
      'module "other": groups[2]: "label" must be a non-empty string',
      'module "other": group "ok": implies names unknown group "nope"',
    ]);
    expect(groupProblems(modules)).toEqual([]);
  });
});
