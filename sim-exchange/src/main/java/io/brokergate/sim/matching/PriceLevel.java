package io.brokergate.sim.matching;

/** One price of one side of a book: a FIFO of resting orders (time priority) and their total. */
final class PriceLevel {

    long price;
    long quantity;
    int orders;
    BookOrder head;
    BookOrder tail;

    void append(BookOrder order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        quantity += order.remaining();
        orders++;
    }

    void unlink(BookOrder order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        quantity -= order.remaining();
        orders--;
        order.level = null;
        order.prev = null;
        order.next = null;
    }

    boolean isEmpty() {
        return head == null;
    }

    void reset(long newPrice) {
        price = newPrice;
        quantity = 0;
        orders = 0;
        head = null;
        tail = null;
    }
}
