// The baseline: React 19 rendering one element. Every other app's size is reported minus this one.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>app</div>);
