#pragma once

#include <QPlainTextEdit>

namespace fc {

class JsonHighlighter;

// A plain-text editor for JSON with line numbers in a margin, a monospace font, JSON
// highlighting and a marked line for the current validation error.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);

    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);
    // Underlines this 1-based line as the place of an error; 0 clears it.
    void setErrorLine(int line);
    void goToLine(int line, int column = 1);
    // Gives these 0-based lines a full-width background (the conflict dialog's changed lines).
    void setMarkedLines(const QList<int> &lines, const QColor &colour);
    const QList<int> &markedLines() const { return m_markedLines; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMargin();
    void updateLineNumberArea(const QRect &rect, int dy);
    void updateSelections();

    QWidget *m_lineNumbers = nullptr;
    JsonHighlighter *m_highlighter = nullptr;
    int m_errorLine = 0;
    QList<int> m_markedLines;
    QColor m_markColour;
};

} // namespace fc
