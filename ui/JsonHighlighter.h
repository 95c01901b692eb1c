#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace fc {

// Colours JSON: keys, strings, numbers, literals and punctuation, with colours picked for the
// palette in use so that it reads in dark themes too.
class JsonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

    // Recomputes the colours from the application palette (after a theme change).
    void updateColors();

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
    QTextCharFormat m_punctuation;
};

} // namespace fc
