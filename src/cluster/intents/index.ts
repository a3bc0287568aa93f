export * from './cluster-baseline';
export * from './deny-cloud-metadata';
export * from './tenant-isolation';
export * from './allow-monitoring-scrape';
export * from './protect-kube-system';
