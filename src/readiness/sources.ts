// Every limit and rule names the documents it comes from, so the UI can show "why" with a link and a
// reviewer can tell the 2016 guide the product follows from what Microsoft says today. A rule keeps both:
// the verdict follows today's Azure, and the guide's statement is shown beside it where the two differ.

export type Source = {
  title: string;
  url: string;
  /** The document's own ms.date (ISO), or the year when only that is known. */
  date: string;
  section?: string;
};

/** A value together with the document that states it. */
export type Sourced<T> = { value: T; source: Source };

/**
 * What one document says about a rule. Written to be read in "The 2016 guide <says>; today <says>.": a
 * guide statement is a verb phrase in the past ("required agent 2.6.1198.718 or later"), today's a clause
 * ("Microsoft supports 2.7.41491.1010 or later"); neither ends with a full stop.
 */
export type Statement = Source & { says: string };

/**
 * The two sources of a rule. `guide` is absent when the 2016 guide says nothing on the matter (Trusted
 * Launch didn't exist); `agrees` marks a guide statement that today's documentation still makes.
 */
export type RuleSources = { today: Statement; guide?: Statement & { agrees?: boolean } };

export function says(source: Source, text: string): Statement {
  return { ...source, says: text };
}

/** The guide's statement, marked as one today's documentation still makes. */
export function agreed(source: Source, text: string): Statement & { agrees: true } {
  return { ...source, says: text, agrees: true };
}

/** True when the finding's guide statement differs from today's, so both should be shown. */
export function guideDiffers(sources: RuleSources): boolean {
  return sources.guide !== undefined && sources.guide.agrees !== true;
}

/** "The 2016 guide required …; today …", or null when the guide is silent or agrees. */
export function guideBeside(sources: RuleSources): string | null {
  if (!sources.guide || sources.guide.agrees === true) return null;
  return `The 2016 guide ${sources.guide.says}; today ${sources.today.says}.`;
}

const PREPARE_URL = 'https://learn.microsoft.com/azure/backup/backup-azure-arm-vms-prepare';

/** The guide this product follows (MicrosoftDocs/azure-docs, backup-azure-arm-vms-prepare.md, 2016 revision). */
export function guide2016(section: string): Source {
  return {
    title: 'Prepare your environment to back up Resource Manager-deployed virtual machines (2016 guide)',
    url: PREPARE_URL,
    date: '2016-08-01',
    section,
  };
}

/** Today's revision of the same article (it has no network section any more: one sentence under "Apply a backup policy"). */
export function prepareToday(section: string): Source {
  return { title: 'Back up Azure VMs in a Recovery Services vault', url: PREPARE_URL, date: '2026-01-22', section };
}

export function supportMatrix(section?: string): Source {
  const source: Source = {
    title: 'Support matrix for Azure VM backups',
    url: 'https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas',
    date: '2026-01-28',
  };
  return section ? { ...source, section } : source;
}

export const ENDORSED_DISTROS_DOC: Source = {
  title: 'Endorsed Linux distributions on Azure',
  url: 'https://learn.microsoft.com/azure/virtual-machines/linux/endorsed-distros',
  date: '2024-11-14',
  section: 'Platform Image Partners',
};

export const AGENT_TROUBLESHOOTING: Source = {
  title: 'Troubleshoot Azure Backup failure: Issues with the agent or extension',
  url: 'https://learn.microsoft.com/azure/backup/backup-azure-troubleshoot-vm-backup-fails-snapshot-timeout',
  date: '2022',
};

/** MicrosoftDocs/SupportArticles-docs, support-extensions-agent-version.md (KB 4049215). */
export const AGENT_VERSIONS_DOC: Source = {
  title: 'Minimum version support for virtual machine agents in Azure',
  url: 'https://learn.microsoft.com/troubleshoot/azure/virtual-machines/windows/support-extensions-agent-version',
  date: '2025-09-15',
};

/** MicrosoftDocs/azure-compute-docs, extensions/features-windows.md: 168.63.129.16 and the HostGAPlugin. */
export const EXTENSIONS_NETWORK_DOC: Source = {
  title: 'Virtual machine extensions and features for Windows',
  url: 'https://learn.microsoft.com/azure/virtual-machines/extensions/features-windows',
  date: '2025-08-18',
  section: 'Network access',
};

export const ENHANCED_POLICY_DOC: Source = {
  title: 'Back up Azure VMs with the Enhanced policy',
  url: 'https://learn.microsoft.com/azure/backup/backup-azure-vms-enhanced-policy',
  date: '2025-06-11',
};

/** The support table of agentless multi-disk crash-consistent backup (an include of the support matrix). */
export const AGENTLESS_DOC: Source = {
  title: 'Support matrix for Azure VM backups',
  url: 'https://learn.microsoft.com/azure/backup/backup-support-matrix-iaas',
  date: '2026-01-28',
  section: 'Support for agentless multi-disk crash-consistent VM backup',
};
