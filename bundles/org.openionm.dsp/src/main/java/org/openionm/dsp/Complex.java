package org.openionm.dsp;

/** Minimal complex number for filter design and frequency responses. */
public record Complex(double re, double im) {

    public static final Complex ONE = new Complex(1, 0);

    public static Complex polar(double r, double theta) {
        return new Complex(r * Math.cos(theta), r * Math.sin(theta));
    }

    public Complex plus(Complex o) { return new Complex(re + o.re, im + o.im); }

    public Complex minus(Complex o) { return new Complex(re - o.re, im - o.im); }

    public Complex times(Complex o) { return new Complex(re * o.re - im * o.im, re * o.im + im * o.re); }

    public Complex times(double k) { return new Complex(re * k, im * k); }

    public Complex div(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    public Complex conj() { return new Complex(re, -im); }

    public Complex sqrt() {
        double r = Math.sqrt(abs());
        return polar(r, arg() / 2);
    }

    public double abs() { return Math.hypot(re, im); }

    public double arg() { return Math.atan2(im, re); }
}
