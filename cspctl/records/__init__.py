"""Reading and writing records: YAML with positions (`yamlio`), the loaded folder (`store`),
its cache and parallel loading, canonical key order, schema errors and export, the people
register, the public view (`public`), and the one atomic writer (`atomic`)."""
