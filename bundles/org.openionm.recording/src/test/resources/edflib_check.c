/*
 * Opens every file given with EDFlib (Debian package libedf-dev), the strict reader behind EDFbrowser,
 * and prints per file its record count, samples per signal and the sum of every signal's physical
 * samples, so that the Java test can compare them with what it reads itself.
 * usage: edflib_check FILE...
 * output: file <TAB> path <TAB> datarecords <TAB> samples <TAB> sum of signal 0 <TAB> sum of signal 1 ...
 *         error <TAB> path <TAB> EDFlib error code
 */
#include <stdio.h>
#include <stdlib.h>
#include <edflib.h>

int main(int argc, char **argv)
{
    struct edf_hdr_struct hdr;
    double *buf;
    int f, i, k, got;

    for (f = 1; f < argc; f++) {
        if (edfopen_file_readonly(argv[f], &hdr, EDFLIB_DO_NOT_READ_ANNOTATIONS)) {
            printf("error\t%s\t%d\n", argv[f], hdr.filetype);
            continue;
        }
        printf("file\t%s\t%lld\t%lld", argv[f], hdr.datarecords_in_file, hdr.signalparam[0].smp_in_file);
        for (i = 0; i < hdr.edfsignals; i++) {
            long long n = hdr.signalparam[i].smp_in_file;
            double sum = 0;
            buf = malloc(sizeof(double) * (n > 0 ? n : 1));
            got = edfread_physical_samples(hdr.handle, i, (int) n, buf);
            for (k = 0; k < got; k++) {
                sum += buf[k];
            }
            free(buf);
            printf("\t%.17g", sum);
        }
        printf("\n");
        edfclose_file(hdr.handle);
    }
    return 0;
}
