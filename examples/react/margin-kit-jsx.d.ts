/**
 * The four tags in React 19's JSX, as the package ships them (generated from its
 * custom-elements.json): every attribute and property, typed as the element has it, and an
 * `on<event-name>` handler per event (`onmargin-symbol-select`), typed by its Event class.
 * React 19 sets a prop as a property when the element has a property of that name, as an
 * attribute otherwise, and `on<event-name>` listens for that DOM event.
 */
import type {} from 'margin-kit/react';
