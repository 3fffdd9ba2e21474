import { describe, expect, it } from 'vitest';
import { osFrom } from './os.ts';

const ws = (sku: string) => ({ publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku, version: 'latest' });
const img = (publisher: string, offer: string, sku: string) => ({ publisher, offer, sku, version: 'latest' });

describe('osFrom: Windows Server from the Marketplace SKU', () => {
  it.each([
    ['2008-R2-SP1', '2008 R2'],
    ['2008-R2-SP1-smalldisk', '2008 R2'],
    ['2012-Datacenter', '2012'],
    ['2012-R2-Datacenter', '2012 R2'],
    ['2012-r2-datacenter-gen2', '2012 R2'],
    ['2016-Datacenter', '2016'],
    ['2016-datacenter-gensecond', '2016'],
    ['2019-Datacenter-Core-smalldisk', '2019'],
    ['2022-datacenter-azure-edition', '2022'],
    ['2022-datacenter-g2', '2022'],
    ['2025-datacenter-azure-edition', '2025'],
  ])('%s → %s', (sku, version) => {
    expect(osFrom(ws(sku))).toEqual({ family: 'windowsServer', version });
  });

  it('does not read a Semi-Annual Channel build number as a year', () => {
    expect(osFrom(ws('datacenter-core-2004-with-containers-smalldisk'))).toEqual({ family: 'windowsServer' });
  });

  it('reads the Windows Server of a SQL Server image from its offer', () => {
    expect(osFrom(img('MicrosoftSQLServer', 'sql2019-ws2022', 'enterprise'))).toEqual({ family: 'windowsServer', version: '2022' });
    expect(osFrom(img('MicrosoftSQLServer', 'SQL2014SP3-WS2012R2', 'Standard'))).toEqual({ family: 'windowsServer', version: '2012 R2' });
  });
});

describe('osFrom: what the guest reports wins over the image', () => {
  it.each([
    ['Windows Server 2008 R2 Datacenter', '2008 R2'],
    ['Windows Server (R) 2008 Datacenter', '2008'],
    ['Windows Server® 2008 Standard', '2008'],
    ['Windows Server 2012 R2 Datacenter', '2012 R2'],
    ['Windows Server 2016 Datacenter', '2016'],
    ['Windows Server 2022 Datacenter Azure Edition', '2022'],
  ])('%s → %s', (osName, version) => {
    expect(osFrom(ws('2012-Datacenter'), osName)).toEqual({ family: 'windowsServer', version });
  });

  it('recognises Windows clients from the guest and from MicrosoftWindowsDesktop images', () => {
    expect(osFrom(undefined, 'Windows 10 Enterprise multi-session')).toEqual({ family: 'windowsClient', version: '10' });
    expect(osFrom(img('MicrosoftWindowsDesktop', 'windows-11', 'win11-23h2-ent'))).toEqual({ family: 'windowsClient', version: '11' });
    expect(osFrom(img('MicrosoftWindowsDesktop', 'Windows-10', 'win10-22h2-pro'))).toEqual({ family: 'windowsClient', version: '10' });
  });

  it('falls back to the kernel build, and borrows a version the guest name lacks', () => {
    expect(osFrom(undefined, undefined, 'Microsoft Windows NT 6.1.7601.0')).toEqual({ family: 'windowsServer', version: '2008 R2' });
    expect(osFrom(undefined, 'Windows Server Datacenter', 'Microsoft Windows NT 10.0.17763.0')).toEqual({ family: 'windowsServer', version: '2019' });
  });

  it('is unknown when nothing says', () => {
    expect(osFrom()).toEqual({ family: 'unknown' });
    expect(osFrom(img('contoso', 'golden-image', 'v3'))).toEqual({ family: 'unknown' });
  });
});

describe('osFrom: Linux distributions from Marketplace publisher and offer', () => {
  it.each([
    [img('Canonical', 'UbuntuServer', '18.04-LTS'), 'ubuntu', '18.04'],
    [img('Canonical', '0001-com-ubuntu-server-focal', '20_04-lts-gen2'), 'ubuntu', '20.04'],
    [img('Canonical', '0001-com-ubuntu-server-jammy', '22_04-lts-gen2'), 'ubuntu', '22.04'],
    [img('Canonical', 'ubuntu-24_04-lts', 'server'), 'ubuntu', '24.04'],
    [img('RedHat', 'RHEL', '7-LVM'), 'rhel', '7'],
    [img('RedHat', 'RHEL', '8_6'), 'rhel', '8.6'],
    [img('RedHat', 'RHEL', '86-gen2'), 'rhel', '8.6'],
    [img('RedHat', 'RHEL', '9-lvm-gen2'), 'rhel', '9'],
    [img('SUSE', 'sles-15-sp5', 'gen2'), 'sles', '15 SP5'],
    [img('SUSE', 'SLES', '12-SP2'), 'sles', '12 SP2'],
    [img('SUSE', 'opensuse-leap-15-5', 'gen2'), 'opensuse', '15.5'],
    [img('Debian', 'debian-12', '12-gen2'), 'debian', '12'],
    [img('credativ', 'Debian', '9'), 'debian', '9'],
    [img('OpenLogic', 'CentOS', '7_9-gen2'), 'centos', '7.9'],
    [img('OpenLogic', 'CentOS', '7.5'), 'centos', '7.5'],
    [img('Oracle', 'Oracle-Linux', 'ol79'), 'oracle', '7.9'],
    [img('Oracle', 'Oracle-Linux', 'ol810-lvm-gen2'), 'oracle', '8.10'],
    [img('almalinux', 'almalinux-x86_64', '9-gen2'), 'almalinux', '9'],
    [img('resf', 'rockylinux-x86_64', '9-base'), 'rocky', '9'],
    [img('MicrosoftCBLMariner', 'cbl-mariner', 'cbl-mariner-2-gen2'), 'azurelinux', '2'],
  ])('%o → %s %s', (image, distro, version) => {
    expect(osFrom(image)).toEqual({ family: 'linux', distro, version });
  });

  it('recognises CoreOS, and does not mistake Flatcar "corevm" offers for it', () => {
    expect(osFrom(img('CoreOS', 'CoreOS', 'Stable'))).toEqual({ family: 'linux', distro: 'coreos' });
    expect(osFrom(img('kinvolk', 'flatcar-container-linux-corevm-amd64', 'stable-gen2'))).toEqual({ family: 'linux', distro: 'flatcar' });
  });

  it('prefers the distribution the guest agent reports', () => {
    const image = img('Canonical', '0001-com-ubuntu-server-focal', '20_04-lts-gen2');
    expect(osFrom(image, 'ubuntu', '22.04')).toEqual({ family: 'linux', distro: 'ubuntu', version: '22.04' });
    expect(osFrom(undefined, 'centos', '7.9.2009')).toEqual({ family: 'linux', distro: 'centos', version: '7.9.2009' });
    expect(osFrom(undefined, 'sles', '15.5')).toEqual({ family: 'linux', distro: 'sles', version: '15.5' });
    expect(osFrom(undefined, 'opensuse-leap', '15.5')).toEqual({ family: 'linux', distro: 'opensuse', version: '15.5' });
    expect(osFrom(undefined, 'rhel', '')).toEqual({ family: 'linux', distro: 'rhel' });
  });
});
