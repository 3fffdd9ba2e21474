export const PRODUCT_NAME = 'VM Backup Wizard';
