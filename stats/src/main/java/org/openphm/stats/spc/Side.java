package org.openphm.stats.spc;

/** The side of the mean a special-cause signal points to. */
public enum Side {
    HIGH,
    LOW
}
