// Every limit and rule names the document it comes from, so the UI can show "why" with a link and a
// reviewer can tell the 2016 guide the product follows from what Microsoft says today.

export type Source = {
  title: string;
  url: string;
  /** The document's own ms.date (ISO), or the year when only that is known. */
  date: string;
  section?: string;
};

/** A value together with the document that states it. */
export type Sourced<T> = { value: T; source: Source };

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

/** Today's revision of the same article. */
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
