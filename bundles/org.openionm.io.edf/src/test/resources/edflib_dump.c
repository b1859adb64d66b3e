/*
 * Independent check of OpenIONM's EDF+/BDF+ files with EDFlib (Debian package libedf-dev).
 * Prints header fields, the first N physical samples of every signal and all annotations as
 * tab-separated lines; EdfIndependentReadersTest compares them with what was written.
 * usage: edflib_dump FILE N
 */
#include <stdio.h>
#include <stdlib.h>
#include <edflib.h>

int main(int argc, char **argv)
{
    struct edf_hdr_struct hdr;
    struct edf_annotation_struct annot;
    double *buf;
    int i, k, n, got, handle;

    if (argc != 3) {
        fprintf(stderr, "usage: edflib_dump FILE NSAMPLES\n");
        return 2;
    }
    if (edfopen_file_readonly(argv[1], &hdr, EDFLIB_READ_ALL_ANNOTATIONS)) {
        printf("error\t%d\n", hdr.filetype);
        return 1;
    }
    handle = hdr.handle;
    n = atoi(argv[2]);
    printf("filetype\t%d\n", hdr.filetype);
    printf("signals\t%d\n", hdr.edfsignals);
    printf("datarecords\t%lld\n", hdr.datarecords_in_file);
    printf("datarecord_duration\t%lld\n", hdr.datarecord_duration);
    printf("start\t%04d-%02d-%02dT%02d:%02d:%02d\n", hdr.startdate_year, hdr.startdate_month, hdr.startdate_day,
           hdr.starttime_hour, hdr.starttime_minute, hdr.starttime_second);
    printf("subsecond\t%lld\n", hdr.starttime_subsecond);
    printf("patientcode\t%s\n", hdr.patientcode);
    printf("gender\t%s\n", hdr.gender);
    printf("birthdate\t%s\n", hdr.birthdate);
    printf("patient_name\t%s\n", hdr.patient_name);
    printf("admincode\t%s\n", hdr.admincode);
    printf("technician\t%s\n", hdr.technician);
    printf("equipment\t%s\n", hdr.equipment);
    for (i = 0; i < hdr.edfsignals; i++) {
        struct edf_param_struct *p = &hdr.signalparam[i];
        printf("signal\t%d\t%s\t%d\t%.17g\t%.17g\t%d\t%d\t%s\t%s\t%lld\n", i, p->label, p->smp_in_datarecord,
               p->phys_min, p->phys_max, p->dig_min, p->dig_max, p->physdimension, p->prefilter, p->smp_in_file);
    }
    buf = malloc(sizeof(double) * (n > 0 ? n : 1));
    for (i = 0; i < hdr.edfsignals; i++) {
        got = edfread_physical_samples(handle, i, n, buf);
        printf("samples\t%d", i);
        for (k = 0; k < got; k++) {
            printf("\t%.17g", buf[k]);
        }
        printf("\n");
    }
    free(buf);
    for (i = 0; i < hdr.annotations_in_file; i++) {
        if (edf_get_annotation(handle, i, &annot)) {
            printf("error\tannotation %d\n", i);
            return 1;
        }
        printf("annotation\t%lld\t%s\t%s\n", annot.onset, annot.duration, annot.annotation);
    }
    edfclose_file(handle);
    return 0;
}
