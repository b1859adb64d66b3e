"""Opens every file given with MNE-Python (Debian package python3-mne) in one process (MNE's import
is slow) and prints per file the samples per channel and the sum of every channel in microvolts.
usage: python3 mne_check.py FILE...
output: file <TAB> path <TAB> samples <TAB> sum of channel 0 <TAB> ...   or   error <TAB> path <TAB> message
"""
import sys

import mne

mne.set_log_level('ERROR')
for path in sys.argv[1:]:
    try:
        if path.lower().endswith('.bdf'):
            raw = mne.io.read_raw_bdf(path, preload=True)
        else:
            raw = mne.io.read_raw_edf(path, preload=True)
        data = raw.get_data() * 1e6
        print('file\t%s\t%d\t' % (path, raw.n_times) + '\t'.join(repr(float(row.sum())) for row in data))
    except Exception as e:  # one bad file must not hide the others
        print('error\t%s\t%s' % (path, str(e).replace('\n', ' ')))
