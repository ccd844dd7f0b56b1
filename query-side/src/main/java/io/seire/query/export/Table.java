package io.seire.query.export;

import java.util.List;

/**
 * A view as a table: a title (the XLSX sheet's name), typed columns, and the name of the file it is downloaded as
 * (without extension). Its rows are written to a {@link TableWriter}, in the order and with the subtotal and total
 * rows of the JSON view.
 */
public record Table(Words title, List<Column> columns, String fileName) {

    public Table {
        columns = List.copyOf(columns);
    }
}
