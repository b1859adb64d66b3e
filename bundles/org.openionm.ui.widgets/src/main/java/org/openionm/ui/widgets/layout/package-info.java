/**
 * Layout checks shared by the UI bundles' tests: {@link org.openionm.ui.widgets.layout.ClippedTexts}
 * finds texts cut by their bounds (issue 16, item 11).
 *
 * @since 0.4.0
 */
package org.openionm.ui.widgets.layout;
