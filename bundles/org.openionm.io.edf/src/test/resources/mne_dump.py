"""Independent check of OpenIONM's EDF+/BDF+ files with MNE-Python (Debian package python3-mne).

Prints the sampling rate, channel names, the first N samples of every channel (volts, as MNE
returns them) and the annotations as tab-separated lines for EdfIndependentReadersTest.
usage: python3 mne_dump.py FILE N
"""
import sys

import mne

path, n = sys.argv[1], int(sys.argv[2])
mne.set_log_level('ERROR')
if path.lower().endswith('.bdf'):
    raw = mne.io.read_raw_bdf(path, preload=True)
else:
    raw = mne.io.read_raw_edf(path, preload=True)
print('sfreq\t%r' % float(raw.info['sfreq']))
print('channels\t' + '\t'.join(raw.ch_names))
print('n_times\t%d' % raw.n_times)
print('meas_date\t%s' % raw.info['meas_date'].isoformat())
data = raw.get_data()
for i in range(len(raw.ch_names)):
    print('samples\t%d\t' % i + '\t'.join(repr(float(v)) for v in data[i, :n]))
for a in raw.annotations:
    print('annotation\t%r\t%r\t%s' % (float(a['onset']), float(a['duration']), a['description']))
