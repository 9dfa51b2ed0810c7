package demo.frames;

/** A superclass whose protected and package-private fields Inventory inherits. */
abstract class Shelf {
    protected String aisle = "A3";
    int capacity = 40;
}
