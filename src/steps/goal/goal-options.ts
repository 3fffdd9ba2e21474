/**
 * The choices of the portal's Backup Goal blade. Only Azure virtual machines are offered by this wizard;
 * the rest are listed (disabled) so users see where their workload fits and that it is not forgotten.
 */
export type GoalOption = { value: string; label: string; available: boolean };

export const WORKLOAD_LOCATIONS: readonly GoalOption[] = [
  { value: 'Azure', label: 'Azure', available: true },
  { value: 'OnPremises', label: 'On-premises', available: false },
];

export const BACKUP_ITEMS: readonly GoalOption[] = [
  { value: 'VirtualMachine', label: 'Virtual machine', available: true },
  { value: 'AzureFileShare', label: 'Azure Files (Azure Storage)', available: false },
  { value: 'SQLDataBase', label: 'SQL Server in Azure VM', available: false },
  { value: 'SAPHanaDatabase', label: 'SAP HANA in Azure VM', available: false },
  { value: 'AzureBlobs', label: 'Azure Blobs (Azure Storage)', available: false },
];

export const ONLY_AZURE_VMS =
  'This tool covers Azure virtual machines only. Back up other workloads from Backup center in the Azure portal.';
