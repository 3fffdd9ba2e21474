// Azure naming rules, shared by the wizard (to stop bad input before anything is sent)
// and the emulator (to answer as the service does). Each check returns every rule broken,
// each as its own sentence, so the UI can say exactly what to fix.
// Source: learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules.

export interface NameProblem {
  rule: string;
  message: string;
}

// Letters in any script, digits, underscore, hyphen, period, parentheses (ARM's RG pattern).
const RG_CHARS = /^[-\p{L}\p{N}_.()]+$/u;

export function resourceGroupNameProblems(name: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (name.length === 0) return [{ rule: 'required', message: 'Enter a resource group name.' }];
  if (name.length > 90) problems.push({ rule: 'length', message: `Use at most 90 characters (this has ${name.length}).` });
  if (!RG_CHARS.test(name)) {
    problems.push({
      rule: 'characters',
      message: 'Use only letters, digits, underscores (_), hyphens (-), periods (.) and parentheses.',
    });
  }
  if (name.endsWith('.')) problems.push({ rule: 'trailing-period', message: 'The name cannot end with a period.' });
  return problems;
}

export function vaultNameProblems(name: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (name.length === 0) return [{ rule: 'required', message: 'Enter a vault name.' }];
  if (name.length < 2 || name.length > 50) {
    problems.push({ rule: 'length', message: `Use 2 to 50 characters (this has ${name.length}).` });
  }
  if (!/^[A-Za-z]/.test(name)) problems.push({ rule: 'start', message: 'Start the name with a letter.' });
  if (!/^[A-Za-z0-9-]*$/.test(name)) {
    problems.push({ rule: 'characters', message: 'Use only letters, digits and hyphens (-).' });
  }
  return problems;
}

export function policyNameProblems(name: string): NameProblem[] {
  const problems: NameProblem[] = [];
  if (name.length === 0) return [{ rule: 'required', message: 'Enter a policy name.' }];
  if (name.length < 3 || name.length > 150) {
    problems.push({ rule: 'length', message: `Use 3 to 150 characters (this has ${name.length}).` });
  }
  if (!/^[A-Za-z]/.test(name)) problems.push({ rule: 'start', message: 'Start the name with a letter.' });
  if (!/^[A-Za-z0-9-]*$/.test(name)) {
    problems.push({ rule: 'characters', message: 'Use only letters, digits and hyphens (-).' });
  }
  if (name.endsWith('-')) problems.push({ rule: 'trailing-hyphen', message: 'The name cannot end with a hyphen.' });
  return problems;
}
